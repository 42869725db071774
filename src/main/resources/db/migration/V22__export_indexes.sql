-- Exports (io.jixiao.export) name each item score's framework item: a lookup by framework and item
-- code, millions of times in a national submissions export.
create index if not exists framework_item_framework_code_idx on framework_item (framework_id, code) include (name, max_points);
