using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Reporting.Data.Migrations
{
    /// <summary>
    /// A light whose counts change while its task, unit, category and indicators stay (a report submitted, returned or
    /// accepted; a light turning red) moves the district's rows it is counted in by one at the commit, instead of
    /// recounting the district's whole month: a few rows updated rather than every light of the month read and grouped.
    /// Everything else (a light added or removed, a task's unit, category or indicators changed, a row of the month not
    /// there to move, more than <c>MaxDeltas</c> changes in one transaction, as the clock's pass over a year makes) still
    /// recounts the month once. Both take the month's advisory lock, so a delta never lands on a recount's stale
    /// snapshot; a month recounted in the transaction takes no more deltas (the recount saw the changes).
    /// </summary>
    public partial class LightTotalsDeltas : Migration
    {
        private const int MaxDeltas = 16;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($$"""
                CREATE OR REPLACE FUNCTION public.task_lights_recount() RETURNS trigger
                LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
                AS $fn$
                DECLARE
                    done text := coalesce(current_setting('reporting.recounted', true), '');
                    applied integer := coalesce(nullif(current_setting('reporting.deltas', true), ''), '0')::integer;
                    mark text;
                    d_green integer;
                    d_yellow integer;
                    d_red integer;
                    d_overdue integer;
                    d_due integer;
                    d_on_time integer;
                    d_reported integer;
                    d_accepted integer;
                    moved integer;
                BEGIN
                    IF TG_OP = 'UPDATE'
                        AND (OLD.tenant_id, OLD."Period", OLD."TaskId", OLD."LeadUnitId", OLD."LeadUnitName", OLD."Category",
                             OLD."Indicators", OLD."TaskOrder")
                        IS NOT DISTINCT FROM (NEW.tenant_id, NEW."Period", NEW."TaskId", NEW."LeadUnitId", NEW."LeadUnitName",
                             NEW."Category", NEW."Indicators", NEW."TaskOrder")
                    THEN
                        mark := '|' || NEW.tenant_id || '/' || NEW."Period" || '|';
                        IF strpos(done, mark) > 0 THEN
                            RETURN NULL; -- recounted in this transaction, after this change
                        END IF;
                        IF applied < {{MaxDeltas}} THEN
                            d_green := (NEW."Light" = 'Green')::integer - (OLD."Light" = 'Green')::integer;
                            d_yellow := (NEW."Light" = 'Yellow')::integer - (OLD."Light" = 'Yellow')::integer;
                            d_red := (NEW."Light" = 'Red')::integer - (OLD."Light" = 'Red')::integer;
                            d_overdue := NEW."Overdue"::integer - OLD."Overdue"::integer;
                            d_due := (NEW."ReportedOnTime" IS NOT NULL)::integer - (OLD."ReportedOnTime" IS NOT NULL)::integer;
                            d_reported := coalesce(NEW."ReportStatus" IN ('Submitted', 'Accepted'), false)::integer
                                - coalesce(OLD."ReportStatus" IN ('Submitted', 'Accepted'), false)::integer;
                            d_on_time := coalesce(NEW."ReportStatus" IN ('Submitted', 'Accepted') AND NEW."ReportedOnTime", false)::integer
                                - coalesce(OLD."ReportStatus" IN ('Submitted', 'Accepted') AND OLD."ReportedOnTime", false)::integer;
                            d_accepted := coalesce(NEW."ReportStatus" = 'Accepted', false)::integer
                                - coalesce(OLD."ReportStatus" = 'Accepted', false)::integer;
                            IF (d_green, d_yellow, d_red, d_overdue, d_due, d_reported, d_on_time, d_accepted) = (0, 0, 0, 0, 0, 0, 0, 0) THEN
                                RETURN NULL; -- nothing counted changed (a draft saved over a draft)
                            END IF;
                            PERFORM pg_advisory_xact_lock(hashtextextended('tenant_totals/' || NEW.tenant_id || '/' || NEW."Period", 0));
                            UPDATE public.tenant_totals AS t SET
                                "Green" = t."Green" + d_green, "Yellow" = t."Yellow" + d_yellow, "Red" = t."Red" + d_red,
                                "Overdue" = t."Overdue" + d_overdue, "Due" = t."Due" + d_due, "OnTime" = t."OnTime" + d_on_time,
                                "Reported" = t."Reported" + d_reported, "Accepted" = t."Accepted" + d_accepted,
                                "Stale" = t."Stale" OR t."Dimension" = 'total', "UpdatedAt" = now()
                            WHERE t.tenant_id = NEW.tenant_id AND t."Period" = NEW."Period"
                              AND ((t."Dimension" = 'total' AND t."Key" = '')
                                OR (t."Dimension" = 'category' AND t."Key" = coalesce(NEW."Category", ''))
                                OR (t."Dimension" = 'unit' AND t."Key" = NEW."LeadUnitId"::text)
                                OR (t."Dimension" = 'indicator' AND t."Key" = ANY (NEW."Indicators")));
                            GET DIAGNOSTICS moved = ROW_COUNT;
                            PERFORM set_config('reporting.deltas', (applied + 1)::text, true);
                            IF moved = 3 + cardinality(NEW."Indicators") THEN
                                RETURN NULL;
                            END IF;
                            -- A row the light is counted in is missing (or an indicator is listed twice, which the recount
                            -- counts twice): the recount below writes the month whole.
                        END IF;
                    END IF;

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
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DivisionTotals.RecountTrigger);
        }
    }
}
