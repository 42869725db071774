-- The target of the request a key was first used for (e.g. the evaluation scored), apart from its
-- body, so that reusing a key on another target is named as such. Null for records made before.
alter table idempotency_record add column target_hash char(64);
