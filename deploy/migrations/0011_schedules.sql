-- Production schedules, owned by the scheduler: optimisation requests (a queue the scheduler works through),
-- their plans, battery plans and recommendations, and BI views over them.
CREATE TABLE schedule_requests (
    id             bigserial PRIMARY KEY,
    site           text NOT NULL DEFAULT 'default',
    status         text NOT NULL DEFAULT 'queued'
                   CHECK (status IN ('queued', 'running', 'done', 'infeasible', 'failed')),
    problem        jsonb NOT NULL,
    settings       jsonb NOT NULL DEFAULT '{}',
    submitted_at   timestamptz NOT NULL DEFAULT now(),
    started_at     timestamptz,
    finished_at    timestamptz,
    method         text,
    solver_status  text,
    currency       text,
    objective      double precision,
    best_bound     double precision,
    gap            double precision,
    solve_seconds  double precision,
    heuristic_cost double precision,
    baseline_cost  double precision,
    savings        double precision,
    peak_kw        double precision,
    outcome        jsonb,
    error          jsonb
);

CREATE INDEX schedule_requests_queued ON schedule_requests (id) WHERE status = 'queued';

CREATE TABLE schedule_assignments (
    request_id     bigint NOT NULL REFERENCES schedule_requests (id) ON DELETE CASCADE,
    job            text NOT NULL,
    machine        text NOT NULL,
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    baseline_starts_at timestamptz,
    lateness_slots integer NOT NULL,
    PRIMARY KEY (request_id, job)
);

CREATE TABLE schedule_storage_steps (
    request_id     bigint NOT NULL REFERENCES schedule_requests (id) ON DELETE CASCADE,
    slot_start     timestamptz NOT NULL,
    charge_kw      double precision NOT NULL,
    discharge_kw   double precision NOT NULL,
    soc_kwh        double precision NOT NULL,
    PRIMARY KEY (request_id, slot_start)
);

CREATE TABLE schedule_recommendations (
    request_id     bigint NOT NULL REFERENCES schedule_requests (id) ON DELETE CASCADE,
    rank           integer NOT NULL,
    kind           text NOT NULL,
    job            text,
    savings        double precision NOT NULL,
    currency       text NOT NULL,
    text           text NOT NULL,
    PRIMARY KEY (request_id, rank)
);

COMMENT ON TABLE schedule_requests IS 'Optimisation requests and their outcome (queued → running → done | infeasible | failed).';
COMMENT ON TABLE schedule_recommendations IS 'Plain-language changes against the as-soon-as-possible plan, largest saving first.';

-- The api submits requests only through this function, so the queue's shape stays the scheduler's.
CREATE FUNCTION voltline_submit_schedule(problem jsonb, settings jsonb, site text) RETURNS bigint
LANGUAGE sql AS $$
    INSERT INTO schedule_requests (problem, settings, site)
    VALUES (voltline_submit_schedule.problem, coalesce(voltline_submit_schedule.settings, '{}'),
            coalesce(voltline_submit_schedule.site, 'default'))
    RETURNING id
$$;

CREATE VIEW bi_schedule_savings AS
SELECT id AS request_id, site, finished_at, method, solver_status, currency, objective, baseline_cost, savings,
       gap, solve_seconds, peak_kw
FROM schedule_requests WHERE status = 'done';

CREATE VIEW bi_schedule_recommendations AS
SELECT r.request_id, s.site, s.finished_at, r.rank, r.kind, r.job, r.savings, r.currency, r.text
FROM schedule_recommendations r JOIN schedule_requests s ON s.id = r.request_id;

COMMENT ON VIEW bi_schedule_savings IS 'Each finished optimisation: cost, baseline cost and saving.';
COMMENT ON VIEW bi_schedule_recommendations IS 'Recommendations of every finished optimisation, by site.';
