"""`coopex token list|revoke`, `coopex user password|deactivate|activate`."""

from __future__ import annotations

import json

from tests.cli.conftest import run


def test_tokens_listed_revoked_and_users_deactivated() -> None:
    assert (
        run("user", "add", "ann@example.org", "--name", "Ann", "--password", "s3cret-pass")[0] == 0
    )
    code, out, _ = run("token", "create", "ann@example.org", "--name", "script", "--json")
    assert code == 0
    code, out, _ = run("token", "list", "ann@example.org", "--json")
    [token] = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert token["name"] == "script" and token["live"] is True and token["expires_at"]
    assert run("token", "revoke", str(token["id"]))[0] == 0
    code, out, _ = run("token", "list", "ann@example.org", "--json")
    assert json.loads(out.splitlines()[0])["live"] is False
    code, _, err = run("user", "password", "ann@example.org", "--password", "short")
    assert code != 0 and "new_password" in err
    assert run("user", "password", "ann@example.org", "--password", "long-enough-1")[0] == 0
    assert run("user", "deactivate", "ann@example.org")[0] == 0
    code, out, _ = run("user", "list", "--json")
    assert json.loads(out.splitlines()[0])["active"] is False
    assert run("user", "activate", "ann@example.org")[0] == 0
