using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.MultiTenancy;

/// <summary>
/// Row-level security for tenant tables, used from migrations. The application's role does not own the tables and
/// the policy is forced, so even the owner obeys it. Reads see the caller's tenant and, for a municipal viewer, its
/// child districts; writes only the caller's own tenant, and never for a read-only caller; the system context (the
/// outbox relay, sign-in, clocks) sees and writes every row.
/// <para>
/// Who the caller is comes from the connection's settings (<c>app.tenant_id</c>, <c>app.read_prefix</c>,
/// <c>app.read_only</c>, <c>app.system</c>), but only as far as <c>app.context_sig</c>, an HMAC over them with the
/// service's <see cref="TenantContextKey"/>, verifies: the application's role can <c>set_config</c> anything, but it
/// cannot read the key. The policies never read a setting directly. Each value they compare with comes out of a
/// function that checks the signature in the same call (<c>app_context_readable()</c>,
/// <c>app_context_writable_tenants()</c>), inside a scalar subquery so that it runs once per statement, not once per
/// row: each policy has one such subquery, and a command meets only its own policies (a SELECT pays one signature
/// check, an UPDATE two). Checking once and reading the settings per
/// row would not do: a statement can change a setting after the check, e.g.
/// <c>SELECT *, set_config('app.tenant_id', 'other', false) FROM reports</c> would show the other tenant's rows
/// after its first own one.
/// </para>
/// </summary>
public static class RowLevelSecurity
{
    /// <summary>The database's copy of the context key; its schema is closed to everyone but the owner.</summary>
    public const string KeyTable = "tenant_context.context_key";

    /// <summary>Policy names; <see cref="RequireSignedTenantContext"/> redefines these on every tenant table.</summary>
    public const string ReadPolicy = "tenant_read";

    public const string InsertPolicy = "tenant_insert";

    public const string UpdatePolicy = "tenant_update";

    public const string DeletePolicy = "tenant_delete";

    /// <summary>
    /// The single policy for every command that tenant tables had before the per-command ones; dropped.
    /// </summary>
    private const string FormerWritePolicy = "tenant_write";

    private const string IsSystem = "(SELECT public.app_context_system())";
    private const string Readable = "(SELECT public.app_context_readable())::text[]";
    private const string WritableTenants = "(SELECT public.app_context_writable_tenants())::text[]";

    /// <summary>
    /// How the two functions that list tenant patterns begin: no pattern at all (null) without a valid signature, every
    /// tenant ('%') in the system context.
    /// </summary>
    private static readonly string NothingUnsignedEverythingForTheSystem = $$"""
        IF NOT public.app_context_ok() THEN
            RETURN NULL;
        END IF;
        IF coalesce(current_setting('{{TenantSettings.System}}', true), '') = 'on' THEN
            RETURN ARRAY['%'];
        END IF;
        """;

    /// <summary>
    /// The key table and the functions the policies call. <c>app_context_ok()</c> runs as the owner (it alone may
    /// read the key), with a search path that no other role can put anything on: every name in it is qualified, and
    /// pg_temp, where any role may create a table, comes last. It answers false when the connection carries no
    /// signature (nothing is visible, as before any context is set) and fails the statement when a signature is
    /// there but does not verify: tampering, or a service whose key differs from the one stored, should be loud.
    /// PARALLEL RESTRICTED keeps the checks in the backend whose process id was signed.
    /// </summary>
    private static readonly string Functions = $$"""
        CREATE SCHEMA IF NOT EXISTS tenant_context;
        REVOKE ALL ON SCHEMA tenant_context FROM PUBLIC;
        CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA tenant_context;
        CREATE TABLE IF NOT EXISTS {{KeyTable}} (
            id boolean PRIMARY KEY DEFAULT true CHECK (id),
            key bytea NOT NULL CHECK (octet_length(key) >= {{TenantContextKey.MinimumLength}}),
            stored_at timestamp with time zone NOT NULL DEFAULT now());
        REVOKE ALL ON TABLE {{KeyTable}} FROM PUBLIC;
        DO $do$
        DECLARE
            crypto text;
        BEGIN
            -- pgcrypto may already live elsewhere (created by an operator); use it where it is.
            SELECT n.nspname INTO STRICT crypto
            FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname = 'pgcrypto';
            EXECUTE format($fn$
                CREATE OR REPLACE FUNCTION public.app_context_ok() RETURNS boolean
                LANGUAGE plpgsql STABLE PARALLEL RESTRICTED SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $body$
                DECLARE
                    signature text := coalesce(current_setting('{{TenantSettings.ContextSignature}}', true), '');
                    message text := '';
                    field text;
                    secret bytea;
                BEGIN
                    IF signature = '' THEN
                        RETURN false;
                    END IF;
                    FOREACH field IN ARRAY ARRAY[%L, pg_backend_pid()::text,
                        current_setting('{{TenantSettings.TenantId}}', true),
                        current_setting('{{TenantSettings.ReadPrefix}}', true),
                        current_setting('{{TenantSettings.ReadOnly}}', true),
                        current_setting('{{TenantSettings.System}}', true)]
                    LOOP
                        field := coalesce(field, '');
                        message := message || octet_length(convert_to(field, 'UTF8')) || ':' || field || ';';
                    END LOOP;
                    SELECT k.key INTO secret FROM {{KeyTable}} k WHERE k.id;
                    IF secret IS NOT NULL
                        AND encode(%I.hmac(convert_to(message, 'UTF8'), secret, 'sha256'), 'hex') = signature THEN
                        RETURN true;
                    END IF;
                    RAISE EXCEPTION
                        'the tenant context of this connection is not signed with this database''s context key'
                        USING ERRCODE = 'insufficient_privilege',
                              HINT = 'Only the service holding Database:ContextKey can set a tenant context.';
                END
                $body$;
                $fn$, '{{TenantContextKey.Version}}', crypto);
        END
        $do$;
        CREATE OR REPLACE FUNCTION public.app_context_system() RETURNS boolean
            LANGUAGE sql STABLE PARALLEL RESTRICTED SET search_path = pg_catalog, pg_temp
            AS $$ SELECT public.app_context_ok()
                AND coalesce(current_setting('{{TenantSettings.System}}', true), '') = 'on' $$;
        CREATE OR REPLACE FUNCTION public.app_context_tenant() RETURNS text
            LANGUAGE sql STABLE PARALLEL RESTRICTED SET search_path = pg_catalog, pg_temp
            AS $$ SELECT CASE WHEN public.app_context_ok()
                THEN nullif(current_setting('{{TenantSettings.TenantId}}', true), '') END $$;
        CREATE OR REPLACE FUNCTION public.app_context_read_pattern() RETURNS text
            LANGUAGE sql STABLE PARALLEL RESTRICTED SET search_path = pg_catalog, pg_temp
            AS $$ SELECT CASE WHEN public.app_context_ok()
                    AND coalesce(current_setting('{{TenantSettings.ReadPrefix}}', true), '') <> ''
                THEN {{LikeLiteral(TenantSettings.ReadPrefix)}} || '%' END $$;
        CREATE OR REPLACE FUNCTION public.app_context_writable() RETURNS boolean
            LANGUAGE sql STABLE PARALLEL RESTRICTED SET search_path = pg_catalog, pg_temp
            AS $$ SELECT public.app_context_ok()
                AND coalesce(current_setting('{{TenantSettings.ReadOnly}}', true), '') <> 'on' $$;
        -- The LIKE patterns of the tenants a statement may read: every tenant (and the rows without one) in the system
        -- context, else the caller's own and those under its read prefix. Null without a signature, so nothing matches.
        CREATE OR REPLACE FUNCTION public.app_context_readable() RETURNS text[]
            LANGUAGE plpgsql STABLE PARALLEL RESTRICTED SET search_path = pg_catalog, pg_temp
            AS $$
            DECLARE
                tenant text;
                prefix text;
            BEGIN
                {{NothingUnsignedEverythingForTheSystem}}
                tenant := {{LikeLiteral(TenantSettings.TenantId)}};
                prefix := {{LikeLiteral(TenantSettings.ReadPrefix)}};
                RETURN array_remove(ARRAY[tenant, prefix || '%'], NULL);
            END
            $$;
        -- The same for writes: every tenant in the system context, else the caller's own unless it is read-only.
        CREATE OR REPLACE FUNCTION public.app_context_writable_tenants() RETURNS text[]
            LANGUAGE plpgsql STABLE PARALLEL RESTRICTED SET search_path = pg_catalog, pg_temp
            AS $$
            DECLARE
                tenant text;
            BEGIN
                {{NothingUnsignedEverythingForTheSystem}}
                IF coalesce(current_setting('{{TenantSettings.ReadOnly}}', true), '') = 'on' THEN
                    RETURN ARRAY[]::text[];
                END IF;
                tenant := {{LikeLiteral(TenantSettings.TenantId)}};
                RETURN array_remove(ARRAY[tenant], NULL);
            END
            $$;
        """;

    /// <summary>
    /// A setting as a LIKE pattern that matches only itself (its backslashes and wildcards escaped); null when the
    /// setting is empty.
    /// </summary>
    private static string LikeLiteral(string setting) =>
        $$"""replace(replace(replace(nullif(current_setting('{{setting}}', true), ''), """ +
        """'\', '\\'), '%', '\%'), '_', '\_')""";

    /// <summary>
    /// Forces the signed tenant policy on a new table whose tenant column is <paramref name="column"/>.
    /// </summary>
    public static void EnableTenantRowLevelSecurity(
        this MigrationBuilder migrationBuilder, string table, string column = "tenant_id")
    {
        var tenantColumn = $"\"{column}\"";
        migrationBuilder.Sql(Functions);
        migrationBuilder.Sql(
            string.Join(
                Environment.NewLine,
                TenantPolicies($"\"{table}\"", tenantColumn).Select(statement => statement + ";")));
    }

    /// <summary>
    /// Puts every table of the public schema that carries a tenant (a column <c>tenant_id</c>, or <c>TenantId</c> as
    /// the outbox and inbox name it) under the signed tenant policy, replacing whatever policy an earlier migration
    /// gave it. A row without a tenant (a platform-level message) is then visible and writable in the system context
    /// only. Tables are found in the catalog, so none is forgotten.
    /// </summary>
    public static void RequireSignedTenantContext(this MigrationBuilder migrationBuilder)
    {
        var policies = TenantPolicies("%1$I", "%2$I")
            .Select(statement => $"        EXECUTE format($p${statement}$p$, t.table_name, t.column_name);");
        migrationBuilder.Sql(Functions);
        migrationBuilder.Sql($$"""
            DO $do$
            DECLARE
                t record;
            BEGIN
                FOR t IN
                    SELECT DISTINCT ON (c.relname) c.relname AS table_name, a.attname AS column_name
                    FROM pg_catalog.pg_class c
                    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attname IN ('tenant_id', 'TenantId')
                    ORDER BY c.relname, a.attname = 'tenant_id' DESC
                LOOP
            {{string.Join(Environment.NewLine, policies)}}
                END LOOP;
            END
            $do$;
            """);
    }

    /// <summary>
    /// A platform table without a tenant column that every signed context may read (the tenant directory: codes,
    /// names and parents, which a district needs to resolve its own and its parent's names) and only the system
    /// context may change. A connection without a valid signature sees none of it.
    /// </summary>
    public static void EnableDirectoryRowLevelSecurity(this MigrationBuilder migrationBuilder, string table)
    {
        migrationBuilder.Sql(Functions);
        migrationBuilder.Sql($"""
            ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
            ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS directory_read ON "{table}";
            DROP POLICY IF EXISTS directory_write ON "{table}";
            CREATE POLICY directory_read ON "{table}" FOR SELECT USING ((SELECT public.app_context_ok()));
            CREATE POLICY directory_write ON "{table}" FOR ALL USING ({IsSystem}) WITH CHECK ({IsSystem});
            """);
    }

    /// <summary>
    /// A platform table without a tenant column that only the system context may read or change (the sign-in
    /// counters, keyed by username across districts): a district's signed context sees none of it.
    /// </summary>
    public static void EnableSystemRowLevelSecurity(this MigrationBuilder migrationBuilder, string table)
    {
        migrationBuilder.Sql(Functions);
        migrationBuilder.Sql($"""
            ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
            ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS {SystemPolicy} ON "{table}";
            CREATE POLICY {SystemPolicy} ON "{table}" FOR ALL USING ({IsSystem}) WITH CHECK ({IsSystem});
            """);
    }

    /// <summary>The policy of <see cref="EnableSystemRowLevelSecurity"/>.</summary>
    public const string SystemPolicy = "system_only";

    /// <summary>
    /// The way back for a table a migration put under a policy (Down): no policy, no row-level security. The tenant
    /// tables keep their signed policies on the way back; restoring the unsigned ones would reopen the hole.
    /// </summary>
    public static void DisableRowLevelSecurity(this MigrationBuilder migrationBuilder, string table)
    {
        migrationBuilder.Sql($"""
            DROP POLICY IF EXISTS {ReadPolicy} ON "{table}";
            DROP POLICY IF EXISTS {InsertPolicy} ON "{table}";
            DROP POLICY IF EXISTS {UpdatePolicy} ON "{table}";
            DROP POLICY IF EXISTS {DeletePolicy} ON "{table}";
            DROP POLICY IF EXISTS {FormerWritePolicy} ON "{table}";
            DROP POLICY IF EXISTS directory_read ON "{table}";
            DROP POLICY IF EXISTS directory_write ON "{table}";
            DROP POLICY IF EXISTS {SystemPolicy} ON "{table}";
            ALTER TABLE "{table}" NO FORCE ROW LEVEL SECURITY;
            ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY;
            """);
    }

    /// <summary>
    /// The statements that put <paramref name="table"/> under the signed tenant policies, one per command, so that a
    /// SELECT is not also checked against the write rule. A row without a tenant compares as '' (matched only by the
    /// system context's '%').
    /// </summary>
    private static IEnumerable<string> TenantPolicies(string table, string column)
    {
        var read = $"coalesce({column}, '') LIKE ANY ({Readable})";
        var write = $"coalesce({column}, '') LIKE ANY ({WritableTenants})";
        yield return $"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY";
        yield return $"ALTER TABLE {table} FORCE ROW LEVEL SECURITY";
        foreach (var policy in new[] { ReadPolicy, InsertPolicy, UpdatePolicy, DeletePolicy, FormerWritePolicy })
        {
            yield return $"DROP POLICY IF EXISTS {policy} ON {table}";
        }

        yield return $"CREATE POLICY {ReadPolicy} ON {table} FOR SELECT USING ({read})";
        yield return $"CREATE POLICY {InsertPolicy} ON {table} FOR INSERT WITH CHECK ({write})";
        yield return $"CREATE POLICY {UpdatePolicy} ON {table} FOR UPDATE USING ({write}) WITH CHECK ({write})";
        yield return $"CREATE POLICY {DeletePolicy} ON {table} FOR DELETE USING ({write})";
    }
}
