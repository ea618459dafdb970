using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.MultiTenancy;

#nullable disable

namespace Platform.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class DivisionTotals : Migration
    {
        /// <summary>
        /// The lights' trigger function as this migration made it: every change recounts its district's month at the
        /// commit. <see cref="LightTotalsDeltas"/> replaces it and restores it on the way back.
        /// </summary>
        internal const string RecountTrigger = """
            CREATE OR REPLACE FUNCTION public.task_lights_recount() RETURNS trigger
            LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
            AS $fn$
            DECLARE
                done text := coalesce(current_setting('reporting.recounted', true), '');
                mark text;
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    mark := '|' || OLD.tenant_id || '/' || OLD."Period" || '|';
                    IF strpos(done, mark) = 0 THEN
                        PERFORM public.reporting_recount_totals(OLD.tenant_id, OLD."Period");
                        done := done || mark;
                    END IF;
                END IF;
                IF TG_OP <> 'DELETE' THEN
                    mark := '|' || NEW.tenant_id || '/' || NEW."Period" || '|';
                    IF strpos(done, mark) = 0 THEN
                        PERFORM public.reporting_recount_totals(NEW.tenant_id, NEW."Period");
                        done := done || mark;
                    END IF;
                END IF;
                PERFORM set_config('reporting.recounted', done, true);
                RETURN NULL;
            END
            $fn$;
            DROP TRIGGER IF EXISTS task_lights_recount_rows ON public.task_lights;
            DROP TRIGGER IF EXISTS task_lights_recount_changes ON public.task_lights;
            CREATE CONSTRAINT TRIGGER task_lights_recount_rows AFTER INSERT OR DELETE ON public.task_lights
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.task_lights_recount();
            CREATE CONSTRAINT TRIGGER task_lights_recount_changes AFTER UPDATE ON public.task_lights
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                WHEN ((OLD.tenant_id, OLD."Period", OLD."TaskId", OLD."LeadUnitId", OLD."LeadUnitName", OLD."Category", OLD."Indicators",
                       OLD."TaskOrder", OLD."Light", OLD."Overdue", OLD."ReportedOnTime", OLD."ReportStatus")
                      IS DISTINCT FROM (NEW.tenant_id, NEW."Period", NEW."TaskId", NEW."LeadUnitId", NEW."LeadUnitName", NEW."Category",
                       NEW."Indicators", NEW."TaskOrder", NEW."Light", NEW."Overdue", NEW."ReportedOnTime", NEW."ReportStatus"))
                EXECUTE FUNCTION public.task_lights_recount();
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Best",
                table: "comparable_targets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "division_rollups",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Dimension = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    Districts = table.Column<int>(type: "integer", nullable: false),
                    Tasks = table.Column<int>(type: "integer", nullable: false),
                    Owed = table.Column<int>(type: "integer", nullable: false),
                    Green = table.Column<int>(type: "integer", nullable: false),
                    Yellow = table.Column<int>(type: "integer", nullable: false),
                    Red = table.Column<int>(type: "integer", nullable: false),
                    Overdue = table.Column<int>(type: "integer", nullable: false),
                    Due = table.Column<int>(type: "integer", nullable: false),
                    OnTime = table.Column<int>(type: "integer", nullable: false),
                    Reported = table.Column<int>(type: "integer", nullable: false),
                    Accepted = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_division_rollups", x => new { x.tenant_id, x.Period, x.Dimension, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "tenant_totals",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Dimension = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    FirstOrder = table.Column<int>(type: "integer", nullable: false),
                    Stale = table.Column<bool>(type: "boolean", nullable: false),
                    Tasks = table.Column<int>(type: "integer", nullable: false),
                    Owed = table.Column<int>(type: "integer", nullable: false),
                    Green = table.Column<int>(type: "integer", nullable: false),
                    Yellow = table.Column<int>(type: "integer", nullable: false),
                    Red = table.Column<int>(type: "integer", nullable: false),
                    Overdue = table.Column<int>(type: "integer", nullable: false),
                    Due = table.Column<int>(type: "integer", nullable: false),
                    OnTime = table.Column<int>(type: "integer", nullable: false),
                    Reported = table.Column<int>(type: "integer", nullable: false),
                    Accepted = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tenant_totals", x => new { x.tenant_id, x.Period, x.Dimension, x.Key });
                });

            migrationBuilder.CreateIndex(
                name: "IX_comparable_targets_tenant_id_Year",
                table: "comparable_targets",
                columns: new[] { "tenant_id", "Year" },
                filter: "\"Best\"");

            migrationBuilder.CreateIndex(
                name: "IX_tenant_totals_Stale",
                table: "tenant_totals",
                column: "Stale",
                filter: "\"Stale\"");

            migrationBuilder.EnableTenantRowLevelSecurity("tenant_totals");
            migrationBuilder.EnableTenantRowLevelSecurity("division_rollups");

            // A district's month recounted from its lights, writing only the rows whose counts changed. The advisory lock
            // makes two transactions of the same district and month recount one after the other; the later one's
            // statements then see what the earlier one committed (READ COMMITTED takes a snapshot per statement), so
            // the last recount of a month always counts every committed light.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION public.reporting_recount_totals(p_tenant text, p_period text) RETURNS integer
                LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp
                AS $fn$
                DECLARE
                    changed integer;
                BEGIN
                    PERFORM pg_advisory_xact_lock(hashtextextended('tenant_totals/' || p_tenant || '/' || p_period, 0));
                    WITH lights AS (
                        SELECT l."TaskId", l."LeadUnitId", l."LeadUnitName", l."Category", l."Indicators", l."TaskOrder", l."Light",
                               l."Overdue", l."ReportedOnTime",
                               coalesce(l."ReportStatus" IN ('Submitted', 'Accepted'), false) AS reported,
                               coalesce(l."ReportStatus" = 'Accepted', false) AS accepted
                        FROM public.task_lights l
                        WHERE l.tenant_id = p_tenant AND l."Period" = p_period),
                    grouped AS (
                        SELECT 'total'::text AS dimension, ''::text AS key, ''::text AS name, lights.* FROM lights
                        UNION ALL
                        SELECT 'indicator', i.indicator, i.indicator, lights.* FROM lights CROSS JOIN LATERAL unnest(lights."Indicators") AS i(indicator)
                        UNION ALL
                        SELECT 'category', coalesce(lights."Category", ''), coalesce(lights."Category", ''), lights.* FROM lights
                        UNION ALL
                        SELECT 'unit', lights."LeadUnitId"::text, lights."LeadUnitName", lights.* FROM lights),
                    fresh AS (
                        SELECT g.dimension, g.key, max(g.name) AS name, coalesce(min(g."TaskOrder"), 0) AS first_order,
                               count(DISTINCT g."TaskId")::int AS tasks, count(g."TaskId")::int AS owed,
                               count(*) FILTER (WHERE g."Light" = 'Green')::int AS green,
                               count(*) FILTER (WHERE g."Light" = 'Yellow')::int AS yellow,
                               count(*) FILTER (WHERE g."Light" = 'Red')::int AS red,
                               count(*) FILTER (WHERE g."Overdue")::int AS overdue,
                               count(*) FILTER (WHERE g."ReportedOnTime" IS NOT NULL)::int AS due,
                               count(*) FILTER (WHERE g.reported AND g."ReportedOnTime")::int AS on_time,
                               count(*) FILTER (WHERE g.reported)::int AS reported,
                               count(*) FILTER (WHERE g.accepted)::int AS accepted
                        FROM grouped g
                        GROUP BY g.dimension, g.key
                        UNION ALL
                        -- The total row exists even for a month without lights, so that the divisions above see it go.
                        SELECT 'total', '', '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
                        WHERE NOT EXISTS (SELECT 1 FROM lights)),
                    upserted AS (
                        INSERT INTO public.tenant_totals AS t (tenant_id, "Period", "Dimension", "Key", "Name", "FirstOrder", "Tasks", "Owed",
                                                               "Green", "Yellow", "Red", "Overdue", "Due", "OnTime", "Reported", "Accepted",
                                                               "Stale", "UpdatedAt")
                        SELECT p_tenant, p_period, f.dimension, f.key, f.name, f.first_order, f.tasks, f.owed, f.green, f.yellow, f.red,
                               f.overdue, f.due, f.on_time, f.reported, f.accepted, false, now()
                        FROM fresh f
                        ON CONFLICT (tenant_id, "Period", "Dimension", "Key") DO UPDATE SET
                            "Name" = EXCLUDED."Name", "FirstOrder" = EXCLUDED."FirstOrder", "Tasks" = EXCLUDED."Tasks", "Owed" = EXCLUDED."Owed",
                            "Green" = EXCLUDED."Green", "Yellow" = EXCLUDED."Yellow", "Red" = EXCLUDED."Red", "Overdue" = EXCLUDED."Overdue",
                            "Due" = EXCLUDED."Due", "OnTime" = EXCLUDED."OnTime", "Reported" = EXCLUDED."Reported",
                            "Accepted" = EXCLUDED."Accepted", "UpdatedAt" = now()
                        WHERE (t."Name", t."FirstOrder", t."Tasks", t."Owed", t."Green", t."Yellow", t."Red", t."Overdue", t."Due", t."OnTime",
                               t."Reported", t."Accepted")
                            IS DISTINCT FROM (EXCLUDED."Name", EXCLUDED."FirstOrder", EXCLUDED."Tasks", EXCLUDED."Owed", EXCLUDED."Green",
                               EXCLUDED."Yellow", EXCLUDED."Red", EXCLUDED."Overdue", EXCLUDED."Due", EXCLUDED."OnTime",
                               EXCLUDED."Reported", EXCLUDED."Accepted")
                        RETURNING 1),
                    removed AS (
                        DELETE FROM public.tenant_totals t
                        WHERE t.tenant_id = p_tenant AND t."Period" = p_period
                          AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.dimension = t."Dimension" AND f.key = t."Key")
                        RETURNING 1)
                    SELECT (SELECT count(*) FROM upserted) + (SELECT count(*) FROM removed) INTO changed;
                    IF changed > 0 THEN
                        -- The divisions above follow on the roll-up's next pass.
                        UPDATE public.tenant_totals SET "Stale" = true
                        WHERE tenant_id = p_tenant AND "Period" = p_period AND "Dimension" = 'total' AND "Key" = '' AND NOT "Stale";
                    END IF;
                    RETURN changed;
                END
                $fn$;
                """);

            // Deferred to the commit, once per district and month however many lights the transaction wrote (a list
            // published writes thousands): the recount then sees every change of the transaction. The list of months
            // already recounted lives in a transaction-local setting.
            migrationBuilder.Sql(RecountTrigger);

            // The months already projected, and the best target of each group already published. The owner running the migrations carries no tenant context, so the forced
            // policies would show it nothing: they are lifted for the owner inside this transaction only.
            migrationBuilder.Sql("""
                ALTER TABLE public.task_lights NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE public.tenant_totals NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE public.comparable_targets NO FORCE ROW LEVEL SECURITY;
                UPDATE public.comparable_targets AS c SET "Best" = true
                FROM (SELECT DISTINCT ON (t.tenant_id, t."Year", t."Indicator", t."Unit", t."Direction" IN ('Decrease', 'AtMost')) t."Id"
                      FROM public.comparable_targets t
                      ORDER BY t.tenant_id, t."Year", t."Indicator", t."Unit", t."Direction" IN ('Decrease', 'AtMost'),
                               CASE WHEN t."Direction" IN ('Decrease', 'AtMost') THEN t."Value" ELSE -t."Value" END, t."TaskNumber") AS b
                WHERE c."Id" = b."Id";
                SELECT public.reporting_recount_totals(m.tenant_id, m."Period")
                FROM (SELECT DISTINCT tenant_id, "Period" FROM public.task_lights) AS m;
                UPDATE public.tenant_totals SET "Stale" = false;
                ALTER TABLE public.task_lights FORCE ROW LEVEL SECURITY;
                ALTER TABLE public.tenant_totals FORCE ROW LEVEL SECURITY;
                ALTER TABLE public.comparable_targets FORCE ROW LEVEL SECURITY;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS task_lights_recount_rows ON public.task_lights;
                DROP TRIGGER IF EXISTS task_lights_recount_changes ON public.task_lights;
                DROP FUNCTION IF EXISTS public.task_lights_recount();
                DROP FUNCTION IF EXISTS public.reporting_recount_totals(text, text);
                """);

            migrationBuilder.DropTable(
                name: "division_rollups");

            migrationBuilder.DropTable(
                name: "tenant_totals");

            migrationBuilder.DropIndex(
                name: "IX_comparable_targets_tenant_id_Year",
                table: "comparable_targets");

            migrationBuilder.DropColumn(
                name: "Best",
                table: "comparable_targets");
        }
    }
}
