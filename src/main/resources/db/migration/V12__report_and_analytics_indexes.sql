-- Indexes for the analytics (io.jixiao.analytics), which aggregate with SQL over their own
-- datasource. The performance report's reads are lookups by project and year through existing
-- unique indexes and need nothing new.

-- Finalized evaluations of a district (a bureau's grade and party-score analytics) and of a
-- purchaser (a street office's), by year and phase, carrying the result columns those aggregates
-- read: the scoped aggregate is an index-only scan (see bench/results/report-sql-40k-*.md).
create index evaluation_finalized_district_idx on evaluation (district, fiscal_year, phase)
    include (purchaser_code, project_id, result_grade, result_total, result_bureau, result_street_office,
             result_assessor, result_flagged)
    where state = 'FINALIZED';
create index evaluation_finalized_purchaser_idx on evaluation (purchaser_code, fiscal_year, phase)
    include (district, project_id, result_grade, result_total, result_bureau, result_street_office,
             result_assessor, result_flagged)
    where state = 'FINALIZED';
