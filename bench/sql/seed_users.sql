-- Users of the bench, all with one precomputed Argon2id hash (:'hash', of $PASSWORD):
-- login1..login:n_login have logged in before (B3: a returning user's login),
-- first1..first:n_first never did (B5: each login is a first login, hence one event).
WITH created AS (
  INSERT INTO users (username, password_hash, full_name, birthday, first_login_at)
  SELECT 'login' || i, :'hash', 'Bench User', '1990-01-01', now() FROM generate_series(1, :n_login) i
  RETURNING id, username)
INSERT INTO user_identifiers (identifier, user_id, kind) SELECT username, id, 'username' FROM created;

WITH created AS (
  INSERT INTO users (username, password_hash, full_name, birthday)
  SELECT 'first' || i, :'hash', 'Bench User', '1990-01-01' FROM generate_series(1, :n_first) i
  RETURNING id, username)
INSERT INTO user_identifiers (identifier, user_id, kind) SELECT username, id, 'username' FROM created;

ANALYZE users, user_identifiers;
