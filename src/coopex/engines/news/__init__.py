"""News intelligence: cleaning raw pages (and, next, extracting cooperation leads)."""
