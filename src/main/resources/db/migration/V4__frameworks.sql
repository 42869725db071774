-- Indicator frameworks (评估指标体系): versions of a tree party → dimension → item. Items are
-- stored flat, one row each, with their dimension; a published version never changes.
create table framework (
    id                uuid primary key,
    seq               bigint generated always as identity,
    key               varchar(64)  not null,
    framework_version integer      not null check (framework_version >= 1),
    name              varchar(200) not null,
    status            varchar(16)  not null check (status in ('DRAFT', 'PUBLISHED')),
    version           bigint       not null default 0,
    created_at        timestamptz  not null,
    created_by        varchar(255) not null,
    -- the bureau that drafted it: only it edits and publishes the draft (null: shipped as data)
    owner_code        varchar(64)  references organisation (code),
    published_at      timestamptz,
    published_by      varchar(255),
    constraint framework_seq_unique unique (seq),
    constraint framework_key_version_unique unique (key, framework_version),
    constraint framework_published_check check ((status = 'PUBLISHED') = (published_at is not null))
);
-- At most one draft per key.
create unique index framework_one_draft_per_key on framework (key) where status = 'DRAFT';
create index framework_status_seq_idx on framework (status, seq);

create table framework_item (
    id                 uuid primary key,
    framework_id       uuid          not null references framework (id),
    position           integer       not null,
    party              varchar(16)   not null check (party in ('BUREAU', 'STREET_OFFICE', 'ASSESSOR')),
    dimension_code     varchar(32)   not null,
    dimension_name     varchar(200)  not null,
    dimension_name_en  varchar(200),
    dimension_assumed  boolean       not null default false,
    code               varchar(32)   not null,
    name               varchar(200)  not null,
    name_en            varchar(200),
    max_points         numeric(5,2)  not null check (max_points > 0 and max_points <= 100)
);
create index framework_item_framework_idx on framework_item (framework_id, position);

-- The default Guangzhou framework, version 1, published. The third party assesses six areas;
-- the policy names five, the sixth (服务成效, service outcomes) is an assumption and marked so.
-- Bureau and street office sub-trees are deliberately simple. Each party's items sum to 100.
insert into framework (id, key, framework_version, name, status, version, created_at, created_by, published_at, published_by)
values ('a0f1e2d3-0000-4000-8000-000000000001', 'GZ-SGZ', 1,
        '广州市社工服务站（家庭综合服务中心）评估指标体系（试行）', 'PUBLISHED', 0,
        '2021-12-01T00:00:00Z', 'system', '2021-12-01T00:00:00Z', 'system');

insert into framework_item (id, framework_id, position, party, dimension_code, dimension_name, dimension_name_en, dimension_assumed, code, name, name_en, max_points) values
('a0f1e2d3-0000-4000-8001-000000000001', 'a0f1e2d3-0000-4000-8000-000000000001',  1, 'ASSESSOR', 'A1', '项目运营建设', 'Operation and construction', false, 'A1.1', '场地设施与硬件建设', 'Premises and facilities', 8.00),
('a0f1e2d3-0000-4000-8001-000000000002', 'a0f1e2d3-0000-4000-8000-000000000001',  2, 'ASSESSOR', 'A1', '项目运营建设', 'Operation and construction', false, 'A1.2', '制度建设与运营管理', 'Rules and operational management', 8.00),
('a0f1e2d3-0000-4000-8001-000000000003', 'a0f1e2d3-0000-4000-8000-000000000001',  3, 'ASSESSOR', 'A2', '服务对象权益保障', 'Client rights protection', false, 'A2.1', '知情同意与隐私保护', 'Informed consent and privacy', 6.00),
('a0f1e2d3-0000-4000-8001-000000000004', 'a0f1e2d3-0000-4000-8000-000000000001',  4, 'ASSESSOR', 'A2', '服务对象权益保障', 'Client rights protection', false, 'A2.2', '投诉与反馈处理', 'Complaints and feedback', 6.00),
('a0f1e2d3-0000-4000-8001-000000000005', 'a0f1e2d3-0000-4000-8000-000000000001',  5, 'ASSESSOR', 'A3', '协调沟通机制', 'Coordination and communication', false, 'A3.1', '与购买方、监督方沟通', 'Communication with purchaser and supervisor', 6.00),
('a0f1e2d3-0000-4000-8001-000000000006', 'a0f1e2d3-0000-4000-8000-000000000001',  6, 'ASSESSOR', 'A3', '协调沟通机制', 'Coordination and communication', false, 'A3.2', '社区及合作方联动', 'Work with communities and partners', 6.00),
('a0f1e2d3-0000-4000-8001-000000000007', 'a0f1e2d3-0000-4000-8000-000000000001',  7, 'ASSESSOR', 'A4', '人力资源配置', 'Staffing', false, 'A4.1', '人员配备与资质', 'Staff numbers and qualifications', 8.00),
('a0f1e2d3-0000-4000-8001-000000000008', 'a0f1e2d3-0000-4000-8000-000000000001',  8, 'ASSESSOR', 'A4', '人力资源配置', 'Staffing', false, 'A4.2', '督导与培训', 'Supervision and training', 7.00),
('a0f1e2d3-0000-4000-8001-000000000009', 'a0f1e2d3-0000-4000-8000-000000000001',  9, 'ASSESSOR', 'A5', '各领域服务质量', 'Service quality per field', false, 'A5.1', '个案服务', 'Casework', 8.00),
('a0f1e2d3-0000-4000-8001-000000000010', 'a0f1e2d3-0000-4000-8000-000000000001', 10, 'ASSESSOR', 'A5', '各领域服务质量', 'Service quality per field', false, 'A5.2', '小组服务', 'Group work', 7.00),
('a0f1e2d3-0000-4000-8001-000000000011', 'a0f1e2d3-0000-4000-8000-000000000001', 11, 'ASSESSOR', 'A5', '各领域服务质量', 'Service quality per field', false, 'A5.3', '社区活动', 'Community events', 7.00),
('a0f1e2d3-0000-4000-8001-000000000012', 'a0f1e2d3-0000-4000-8000-000000000001', 12, 'ASSESSOR', 'A5', '各领域服务质量', 'Service quality per field', false, 'A5.4', '重点及兜底服务对象服务', 'Key and safety-net clients', 8.00),
('a0f1e2d3-0000-4000-8001-000000000013', 'a0f1e2d3-0000-4000-8000-000000000001', 13, 'ASSESSOR', 'A6', '服务成效', 'Service outcomes', true, 'A6.1', '协议指标完成情况', 'Contract indicators achieved', 8.00),
('a0f1e2d3-0000-4000-8001-000000000014', 'a0f1e2d3-0000-4000-8000-000000000001', 14, 'ASSESSOR', 'A6', '服务成效', 'Service outcomes', true, 'A6.2', '满意度与知晓度', 'Satisfaction and awareness', 7.00),
('a0f1e2d3-0000-4000-8001-000000000015', 'a0f1e2d3-0000-4000-8000-000000000001', 15, 'BUREAU', 'B1', '监督管理', 'Supervision', false, 'B1.1', '政策执行与合规', 'Policy compliance', 40.00),
('a0f1e2d3-0000-4000-8001-000000000016', 'a0f1e2d3-0000-4000-8000-000000000001', 16, 'BUREAU', 'B1', '监督管理', 'Supervision', false, 'B1.2', '配合监督检查', 'Cooperation with inspections', 30.00),
('a0f1e2d3-0000-4000-8001-000000000017', 'a0f1e2d3-0000-4000-8000-000000000001', 17, 'BUREAU', 'B1', '监督管理', 'Supervision', false, 'B1.3', '信息报送与档案管理', 'Reporting and records', 30.00),
('a0f1e2d3-0000-4000-8001-000000000018', 'a0f1e2d3-0000-4000-8000-000000000001', 18, 'STREET_OFFICE', 'S1', '购买方评价', 'Purchaser''s assessment', false, 'S1.1', '协议履行情况', 'Contract fulfilment', 40.00),
('a0f1e2d3-0000-4000-8001-000000000019', 'a0f1e2d3-0000-4000-8000-000000000001', 19, 'STREET_OFFICE', 'S1', '购买方评价', 'Purchaser''s assessment', false, 'S1.2', '配合街道中心工作', 'Support for the street''s priorities', 30.00),
('a0f1e2d3-0000-4000-8001-000000000020', 'a0f1e2d3-0000-4000-8000-000000000001', 20, 'STREET_OFFICE', 'S1', '购买方评价', 'Purchaser''s assessment', false, 'S1.3', '居民及社区反馈', 'Residents'' and communities'' feedback', 30.00);
