"""Property-based fuzzing of the whole API from its own OpenAPI document (schemathesis), on
each backend: no 5xx, every answer's status, media type and body as the document declares.

Bounded for CI: a few examples per operation (COOPEX_FUZZ_EXAMPLES raises it for a deeper
run), news uploads excluded (they load the language models; the hostile corpus covers them).
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from coopex.app import Coopex, build
from coopex.config import Settings
from coopex.services.demo import load_demo
from coopex.web.api.app import create_api
from tests.conftest import BACKENDS, _truncate_postgres

EXAMPLES = int(os.environ.get("COOPEX_FUZZ_EXAMPLES", "6"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@pytest.fixture(scope="module", params=BACKENDS)
def fuzzed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Coopex, str]]:
    home = tmp_path_factory.mktemp("fuzz")
    if request.param == "sqlite":
        path = home / "coopex.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
    else:
        url = request.getfixturevalue("postgres_database")
        _truncate_postgres(url)
    coopex = build(Settings(database_url=url, home=Path(home)))
    token = load_demo(coopex.transfer, coopex.accounts).token.secret
    coopex.matching.rebuild()  # the models load before the clock of the first request starts
    yield coopex, token
    coopex.close()


SKIPPED = {("POST", "/api/v1/news")}


def test_api_answers_as_its_schema_says(fuzzed: tuple[Coopex, str]) -> None:
    coopex, token = fuzzed
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_api(coopex))
    failures: list[str] = []
    operations = 0
    statuses: Counter[int] = Counter()
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result  # the document itself is valid
        operation = result.ok()
        if (operation.method.upper(), operation.path) in SKIPPED:
            continue
        operations += 1

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def check(case: Any) -> None:
            response = case.call_and_validate(
                headers={"Authorization": f"Bearer {token}"}, checks=CHECKS, timeout=120
            )
            statuses[response.status_code // 100] += 1

        try:
            check()
        except Exception as error:  # collect every operation's failure, then report them all
            causes = getattr(error, "exceptions", None) or [error.__cause__ or error]
            failures.append(f"{operation.method.upper()} {operation.path}: {error} {causes!r}")
    assert not failures, "\n\n".join(failures)
    assert operations >= 20
    # The fuzzer got past validation into the handlers (random ids mostly name nothing, so
    # not every operation answers 2xx), and also sent what they refuse.
    assert statuses[2] >= operations // 2 and statuses[4] >= operations, (operations, statuses)
