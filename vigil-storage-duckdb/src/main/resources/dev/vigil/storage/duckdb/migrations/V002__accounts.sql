-- Web UI sign-in: accounts and their sessions.
-- Passwords are stored as PBKDF2 strings; sessions under the SHA-256 of their cookie token, so
-- neither table holds anything a browser could present. The SQL console cannot read either.

CREATE TABLE accounts (
  username            VARCHAR PRIMARY KEY,
  password_hash       VARCHAR NOT NULL,
  created_at          TIMESTAMP NOT NULL,
  password_changed_at TIMESTAMP NOT NULL
);

CREATE TABLE login_sessions (
  token_hash   VARCHAR PRIMARY KEY,
  username     VARCHAR NOT NULL,
  csrf_token   VARCHAR NOT NULL,
  created_at   TIMESTAMP NOT NULL,
  last_seen_at TIMESTAMP NOT NULL,
  expires_at   TIMESTAMP NOT NULL
);
