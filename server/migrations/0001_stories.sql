-- Stories sealed on arrival: a random id, the month it came (never the time), and the
-- story encrypted with age to the team's public keys (ASCII-armored text). Nothing
-- else: no address, no browser, no plaintext. The same SQL runs on SQLite and
-- PostgreSQL.
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    month TEXT NOT NULL,
    sealed TEXT NOT NULL
);
