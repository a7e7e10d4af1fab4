/*
 * opendata: the open data of the consultations (issue 8).
 *
 *   GET /opendata         the files, their size, rows and generation time,
 *                         and the data dictionary (lib/db_opendata.c)
 *
 * The files themselves are made by a command, not per request, and nginx
 * serves them from HROMADA_OPENDATA_DIR as /opendata/<name>.{csv,json}:
 *
 *   opendata --export [DIR]       every public table as CSV and JSON, plus
 *                                 manifest.json; `make run`, `make test`
 *                                 and a nightly timer run it (README)
 *   opendata --import FILE [--dry-run]
 *                                 past consultations from CSV into the
 *                                 archive, all or nothing (README)
 *
 * The export reads in one transaction (one snapshot: the files agree with
 * each other), a thousand rows at a time by key, and writes each row as it
 * comes: 500,000 comments cost one batch of memory.  Files are written
 * under temporary names in DIR and renamed into place only when all of
 * them are complete, the manifest last, so a reader never sees half a
 * file.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <mysql.h>

#include "config.h"
#include "consult_form.h"
#include "csv.h"
#include "db.h"
#include "db_opendata.h"
#include "lifecycle.h"
#include "log.h"
#include "model.h"
#include "page.h"
#include "runner.h"
#include "stats.h"
#include "tpl.h"
#include "upload.h"
#include "utf8.h"

#define BATCH_ROWS	1000
#define DAY		86400L
#define E_FORMAT	"e-consultation"
#define MANIFEST	"manifest.json"

/* HROMADA_OPENDATA_DIR, read once in main (process lifetime). */
static const char	*od_dir;

/* ---- the export ------------------------------------------------------- */

/* One file pair being written: CSV and JSON under temporary names. */
struct sink {
	FILE			*csv, *json;
	struct csv_out		 co;
	char			 tmp[2][PATH_MAX];
	unsigned long long	 rows;
	long long		 bytes[2];
};

static int
tmp_open(const char *dir, char *path, FILE **f)
{
	int	 fd;

	if (snprintf(path, PATH_MAX, "%s/.opendata-XXXXXX", dir) >= PATH_MAX ||
	    (fd = mkstemp(path)) == -1) {
		*path = '\0';
		return -1;
	}
	/* nginx's workers read the files. */
	if (fchmod(fd, 0644) == -1 || (*f = fdopen(fd, "w")) == NULL) {
		close(fd);
		return -1;
	}
	return 0;
}

static int
sink_open(struct sink *s, const char *dir)
{
	memset(s, 0, sizeof(*s));
	if (tmp_open(dir, s->tmp[0], &s->csv) == -1 ||
	    tmp_open(dir, s->tmp[1], &s->json) == -1)
		return -1;
	csv_out_init(&s->co, s->csv);
	return fputs("[", s->json) == EOF ? -1 : 0;
}

static void
sink_header(struct sink *s, const char *const *names, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		csv_raw(&s->co, names[i]);
	csv_end(&s->co);
}

static json_t *
json_value(enum od_type t, const char *v)
{
	json_t		*a, *x;
	const char	*p, *q;

	switch (t) {
	case OD_INT:
		return json_integer(strtoll(v, NULL, 10));
	case OD_DEC:
		return *v == '\0' ? json_null() : json_real(strtod(v, NULL));
	case OD_BOOL:
		return json_boolean(strcmp(v, "true") == 0);
	case OD_LIST:
		if ((a = json_array()) == NULL)
			return NULL;
		for (p = v; *p != '\0'; p = *q == ';' ? q + 1 : q) {
			q = p + strcspn(p, ";");
			if ((x = json_stringn(p, (size_t)(q - p))) == NULL ||
			    json_array_append_new(a, x) == -1) {
				json_decref(a);
				return NULL;
			}
		}
		return a;
	default:
		return json_string(v);
	}
}

/* One row: vals[i] NULL for SQL NULL.  0 or -1. */
static int
sink_row(struct sink *s, const char *const *names, const enum od_type *types,
    const char *const *vals, size_t n)
{
	json_t	*o, *v;
	size_t	 i;
	int	 rc;

	if ((o = json_object()) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (vals[i] == NULL) {
			csv_raw(&s->co, "");
			v = types[i] == OD_LIST ? json_array() : json_null();
		} else {
			if (types[i] == OD_INT || types[i] == OD_DEC ||
			    types[i] == OD_TIME || types[i] == OD_BOOL)
				csv_raw(&s->co, vals[i]);
			else
				csv_text(&s->co, vals[i], strlen(vals[i]));
			v = json_value(types[i], vals[i]);
		}
		if (v == NULL || json_object_set_new(o, names[i], v) == -1) {
			log_error("opendata: column %s: not valid UTF-8?",
			    names[i]);
			json_decref(o);
			return -1;
		}
	}
	csv_end(&s->co);
	rc = fputs(s->rows > 0 ? ",\n" : "\n", s->json) == EOF ||
	    json_dumpf(o, s->json, JSON_COMPACT | JSON_PRESERVE_ORDER) == -1;
	json_decref(o);
	s->rows++;
	return rc ? -1 : 0;
}

/* Flushes to disk and closes; 0 when every byte was written. */
static int
sink_close(struct sink *s)
{
	FILE	*f[2] = { s->csv, s->json };
	int	 i, rc = 0;

	if (s->json != NULL && fputs(s->rows > 0 ? "\n]\n" : "]\n",
	    s->json) == EOF)
		rc = -1;
	for (i = 0; i < 2; i++) {
		if (f[i] == NULL)
			continue;
		if (fflush(f[i]) == EOF || ferror(f[i]) ||
		    fsync(fileno(f[i])) == -1)
			rc = -1;
		s->bytes[i] = (long long)ftell(f[i]);
		if (fclose(f[i]) == EOF)
			rc = -1;
	}
	s->csv = s->json = NULL;
	return rc;
}

static void
sink_discard(struct sink *s)
{
	int	 i;

	(void)sink_close(s);
	for (i = 0; i < 2; i++)
		if (s->tmp[i][0] != '\0')
			(void)unlink(s->tmp[i]);
}

struct exporter {
	struct db		*db;
	struct arena		 arena;		/* one batch's rows */
	struct taxonomy		 tax;
	time_t			 now;
	const char		*dir;
	struct sink		 sinks[OD__MAX];
};

/* A spec's columns as names and types. */
static void
spec_cols(const struct od_spec *sp, const char **names, enum od_type *types)
{
	size_t	 i;

	for (i = 0; i < sp->ncols; i++) {
		names[i] = sp->cols[i].name;
		types[i] = sp->cols[i].type;
	}
}

/* The computed columns of a row read from the database. */
static const char *
computed(struct exporter *x, const struct od_spec *sp, struct db_res *res,
    size_t i)
{
	size_t		 h = sp->ncols;
	const char	*url;

	switch (sp->cols[i].type) {
	case OD_STATUS:
		return cstatus_slug[lifecycle_status(cstatus_parse(db_str(res,
		    h)), (time_t)db_int(res, h + 1), (time_t)db_int(res, h + 2),
		    (time_t)db_int(res, h + 3), x->now)];
	case OD_URL:
		url = db_str(res, h);
		if (*url != '\0')
			return url;
		return arena_printf(&x->arena, "%s%s", cfg.base_url,
		    upload_href(&x->arena, db_str(res, h + 1),
		    db_str(res, h + 2)));
	default:
		return db_isnull(res, i) ? NULL : db_str(res, i);
	}
}

/* Every public row of one table, a batch at a time.  0 or -1. */
static int
export_table(struct exporter *x, enum od_file f)
{
	const struct od_spec	*sp = &od_specs[f];
	struct sink		*s = &x->sinks[f];
	const char		*names[64], *vals[64];
	enum od_type		 types[64];
	struct db_res		 res;
	long long		 after = 0;
	size_t			 i, got;
	int			 r;

	spec_cols(sp, names, types);
	sink_header(s, names, sp->ncols);
	do {
		arena_reset(&x->arena);
		if (db_od_batch(x->db, &x->arena, f, after, BATCH_ROWS,
		    &res) == -1)
			return -1;
		got = 0;
		while ((r = db_next(&res)) == 1) {
			got++;
			after = db_int(&res, 0);
			for (i = 0; i < sp->ncols; i++)
				vals[i] = computed(x, sp, &res, i);
			if (sink_row(s, names, types, vals, sp->ncols) == -1)
				r = -1;
			if (r == -1)
				break;
		}
		db_res_free(&res);
		if (r == -1)
			return -1;
	} while (got == BATCH_ROWS);
	return 0;
}

/* ---- the indicators, as cgi-bin/stats.c computes them ------------------ */

/* A figure as /stats.csv writes it: one decimal, empty when none. */
static const char *
dec(struct arena *a, double v)
{
	return isnan(v) ? "" : arena_printf(a, "%.1f", v);
}

/* The indicators' columns: the spec's, with held_{format} expanded. */
static size_t
indicator_cols(struct exporter *x, const char **names, enum od_type *types,
    size_t cap)
{
	const struct od_spec	*sp = &od_specs[OD_INDICATORS];
	size_t			 i, k, n = 0;

	for (i = 0; i < sp->ncols && n < cap; i++) {
		if (strcmp(sp->cols[i].name, "held_{format}") != 0) {
			names[n] = sp->cols[i].name;
			types[n++] = sp->cols[i].type;
			continue;
		}
		for (k = 0; k < x->tax.n[TAX_FORMAT] && n < cap; k++) {
			names[n] = arena_printf(&x->arena, "held_%s",
			    x->tax.items[TAX_FORMAT][k].slug);
			types[n++] = OD_INT;
		}
	}
	return n;
}

static int
indicator_row(struct exporter *x, const char *const *names,
    const enum od_type *types, size_t n, int year, const char *scope,
    const char *name, struct stats_agg *g)
{
	struct arena	*a = &x->arena;
	const char	*v[64];
	size_t		 k, j = 0;

	v[j++] = arena_printf(a, "%d", year);
	v[j++] = scope;
	v[j++] = name;
	v[j++] = arena_printf(a, "%u", g->held);
	for (k = 0; k < x->tax.n[TAX_FORMAT]; k++)
		v[j++] = arena_printf(a, "%u", g->by_format[k]);
	v[j++] = arena_printf(a, "%lu", g->people);
	v[j++] = arena_printf(a, "%lu", g->comments);
	v[j++] = arena_printf(a, "%lu", g->proposals);
	v[j++] = arena_printf(a, "%lu", g->answered);
	v[j++] = arena_printf(a, "%lu", g->accepted);
	v[j++] = dec(a, g->v[COL_ANSWERED]);
	v[j++] = dec(a, g->v[COL_ACCEPTED]);
	v[j++] = dec(a, g->v[COL_ANSWER_DAYS]);
	v[j++] = dec(a, g->v[COL_REPORTS]);
	v[j++] = arena_printf(a, "%u", g->rep_due);
	v[j++] = arena_printf(a, "%u", g->rep_on_time);
	v[j++] = arena_printf(a, "%u", g->rep_late);
	v[j++] = arena_printf(a, "%u", g->rep_missing);
	v[j++] = arena_printf(a, "%u", g->e_held);
	v[j++] = dec(a, g->v[COL_E_DAYS]);
	v[j++] = arena_printf(a, "%u", g->e_short);
	v[j++] = arena_printf(a, "%u", g->agenda);
	v[j++] = dec(a, g->v[COL_AGENDA]);
	v[j++] = arena_printf(a, "%lu", g->participants);
	for (k = 0; k < j; k++)
		if (v[k] == NULL)
			return -1;
	return j == n ? sink_row(&x->sinks[OD_INDICATORS], names, types, v,
	    n) : -1;
}

/* One year: the city, then every unit.  0 or -1. */
static int
indicator_year(struct exporter *x, const char *const *names,
    const enum od_type *types, size_t n, int year, int e_format)
{
	struct arena		*a = &x->arena;
	struct stats_row	*rows;
	struct stats_people	*people;
	struct stats_agg	 city, *units;
	size_t			 nrows, npeople, i, k, nu = x->tax.n[TAX_UNIT],
				 nf = x->tax.n[TAX_FORMAT];
	int			 pos;

	if (db_stats_rows(x->db, a, &x->tax, date_start(year * 10000LL + 101),
	    date_start((year + 1) * 10000LL + 101), &rows, &nrows) == -1 ||
	    (units = arena_calloc(a, nu + 1, sizeof(*units))) == NULL ||
	    stats_agg_init(a, &city, nrows, nf) == -1)
		return -1;
	for (k = 0; k < nu; k++)
		if (stats_agg_init(a, &units[k], nrows, nf) == -1)
			return -1;
	for (i = 0; i < nrows; i++) {
		stats_agg_add(&city, &rows[i], x->now, e_format);
		stats_agg_add(&units[rows[i].unit], &rows[i], x->now, e_format);
	}
	/* Participants: distinct addresses over the year, as on /stats. */
	if (db_stats_people(x->db, a, year * 10, &people, &npeople) == -1)
		return -1;
	for (i = 0; i < npeople; i++) {
		if (people[i].unit_id == 0)
			city.people = people[i].participants;
		else if ((pos = taxonomy_pos(&x->tax, TAX_UNIT,
		    people[i].unit_id)) >= 0)
			units[pos].people = people[i].participants;
	}
	stats_agg_finish(&city);
	for (k = 0; k < nu; k++)
		stats_agg_finish(&units[k]);
	if (indicator_row(x, names, types, n, year, "city", "Київ",
	    &city) == -1)
		return -1;
	for (k = 0; k < nu; k++)
		if (indicator_row(x, names, types, n, year,
		    x->tax.items[TAX_UNIT][k].slug,
		    x->tax.items[TAX_UNIT][k].name_uk, &units[k]) == -1)
			return -1;
	return 0;
}

static int
export_indicators(struct exporter *x)
{
	const char	*names[64];
	enum od_type	 types[64];
	size_t		 n;
	time_t		 first, last;
	struct tm	 tm;
	int		 y, y0, y1, e_format;

	arena_reset(&x->arena);
	n = indicator_cols(x, names, types, 64);
	sink_header(&x->sinks[OD_INDICATORS], names, n);
	if (db_od_stats_range(x->db, &x->arena, &first, &last) == -1)
		return -1;
	if (first == 0)
		return 0;
	localtime_r(&first, &tm);
	y0 = tm.tm_year + 1900;
	/* A year counts once something in it has ended: up to this one. */
	localtime_r(last < x->now ? &last : &x->now, &tm);
	y1 = tm.tm_year + 1900;
	e_format = taxonomy_find(&x->tax, TAX_FORMAT, E_FORMAT,
	    strlen(E_FORMAT));
	for (y = y0; y <= y1; y++) {
		/* The names live in the arena: rebuilt after each reset. */
		arena_reset(&x->arena);
		(void)indicator_cols(x, names, types, 64);
		if (indicator_year(x, names, types, n, y, e_format) == -1)
			return -1;
	}
	return 0;
}

/* ---- the manifest and the command -------------------------------------- */

static const char *
iso_utc(char *buf, size_t cap, time_t t)
{
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

static int
write_manifest(struct exporter *x, double seconds)
{
	json_t	*m, *files, *f;
	char	 iso[32], tmp[PATH_MAX], dst[PATH_MAX];
	FILE	*fp = NULL;
	size_t	 i;
	int	 rc = -1;

	m = json_pack("{s:s, s:f, s:o}", "generated_at", iso_utc(iso,
	    sizeof(iso), x->now), "seconds", seconds, "files", json_array());
	if (m == NULL)
		return -1;
	files = json_object_get(m, "files");
	for (i = 0; i < OD__MAX; i++) {
		f = json_pack("{s:s, s:s, s:I, s:{s:s, s:I}, s:{s:s, s:I}}",
		    "name", od_specs[i].name, "title", od_specs[i].title,
		    "rows", (json_int_t)x->sinks[i].rows,
		    "csv", "file", arena_printf(&x->arena, "%s.csv",
		    od_specs[i].name), "bytes", (json_int_t)x->sinks[i].bytes[0],
		    "json", "file", arena_printf(&x->arena, "%s.json",
		    od_specs[i].name), "bytes",
		    (json_int_t)x->sinks[i].bytes[1]);
		if (f == NULL || json_array_append_new(files, f) == -1)
			goto out;
	}
	snprintf(dst, sizeof(dst), "%s/%s", x->dir, MANIFEST);
	if (tmp_open(x->dir, tmp, &fp) == -1)
		goto out;
	if (json_dumpf(m, fp, JSON_INDENT(1) | JSON_PRESERVE_ORDER) == -1 ||
	    fflush(fp) == EOF || fsync(fileno(fp)) == -1) {
		fclose(fp);
		(void)unlink(tmp);
		goto out;
	}
	if (fclose(fp) == EOF || rename(tmp, dst) == -1) {
		(void)unlink(tmp);
		goto out;
	}
	rc = 0;
out:
	json_decref(m);
	return rc;
}

/* Renames every finished file into place.  0 or -1. */
static int
publish(struct exporter *x)
{
	static const char *const ext[2] = { "csv", "json" };
	char	 dst[PATH_MAX];
	size_t	 i;
	int	 k;

	for (i = 0; i < OD__MAX; i++)
		for (k = 0; k < 2; k++) {
			snprintf(dst, sizeof(dst), "%s/%s.%s", x->dir,
			    od_specs[i].name, ext[k]);
			if (rename(x->sinks[i].tmp[k], dst) == -1)
				return -1;
			x->sinks[i].tmp[k][0] = '\0';
		}
	return 0;
}

static int
export_all(struct exporter *x)
{
	size_t	 i;

	for (i = 0; i < OD__MAX; i++)
		if (sink_open(&x->sinks[i], x->dir) == -1) {
			fprintf(stderr, "opendata: cannot write in %s: %s\n",
			    x->dir, strerror(errno));
			return -1;
		}
	/* One snapshot for every file (InnoDB's repeatable read). */
	if (db_begin(x->db) == -1)
		return -1;
	for (i = 0; i < OD__MAX; i++)
		if ((i == OD_INDICATORS ? export_indicators(x) :
		    export_table(x, (enum od_file)i)) == -1) {
			fprintf(stderr, "opendata: exporting %s failed\n",
			    od_specs[i].name);
			(void)db_rollback(x->db);
			return -1;
		}
	(void)db_rollback(x->db);	/* read only: nothing to keep */
	for (i = 0; i < OD__MAX; i++)
		if (sink_close(&x->sinks[i]) == -1) {
			fprintf(stderr, "opendata: writing %s failed: %s\n",
			    od_specs[i].name, strerror(errno));
			return -1;
		}
	return 0;
}

static int
cmd_export(const char *dir)
{
	struct exporter	 x;
	struct timespec	 t0, t1;
	double		 sec;
	size_t		 i;
	int		 rc = 1;

	memset(&x, 0, sizeof(x));
	x.dir = dir;
	x.now = time(NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	arena_init(&x.arena, 0);
	if (mkdir(dir, 0755) == -1 && errno != EEXIST) {
		fprintf(stderr, "opendata: cannot make %s: %s\n", dir,
		    strerror(errno));
		goto out;
	}
	if ((x.db = db_new(&cfg)) == NULL || db_ensure(x.db) == -1) {
		fprintf(stderr, "opendata: cannot connect to the database\n");
		goto out;
	}
	if (db_taxonomy_load(x.db, &x.arena, &x.tax) == -1 ||
	    export_all(&x) == -1 || publish(&x) == -1)
		goto out;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	sec = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (write_manifest(&x, sec) == -1) {
		fprintf(stderr, "opendata: cannot write the manifest\n");
		goto out;
	}
	for (i = 0; i < OD__MAX; i++)
		printf("%-14s %9llu rows %12lld B csv %12lld B json\n",
		    od_specs[i].name, x.sinks[i].rows, x.sinks[i].bytes[0],
		    x.sinks[i].bytes[1]);
	printf("exported to %s in %.2f s\n", dir, sec);
	rc = 0;
out:
	for (i = 0; i < OD__MAX; i++)
		sink_discard(&x.sinks[i]);
	taxonomy_free(&x.tax);
	db_free(x.db);
	arena_free(&x.arena);
	return rc;
}

/* ---- the archive's import --------------------------------------------- */

enum icol {
	IC_REF, IC_TITLE, IC_SUMMARY, IC_BODY, IC_UNIT, IC_FORMAT, IC_THEMES,
	IC_DISTRICTS, IC_GROUPS, IC_OPENS, IC_CLOSES, IC_OUTCOME,
	IC_REPORT_ON, IC_REPORT, IC_CANCELLED_ON, IC_CANCEL_REASON,
	IC_QUESTION, IC_STAKEHOLDERS, IC_CONTACT_NAME, IC_CONTACT_EMAIL,
	IC__MAX
};

/* The layout (README, "Archive import"); the first seven are required. */
static const char *const icol_name[IC__MAX] = {
	"archive_ref", "title", "summary", "body", "unit", "format", "themes",
	"districts", "groups", "opens_on", "closes_on", "outcome",
	"report_on", "report", "cancelled_on", "cancel_reason", "question",
	"stakeholders", "contact_name", "contact_email"
};

static const int icol_required[IC__MAX] = {
	[IC_REF] = 1, [IC_TITLE] = 1, [IC_UNIT] = 1, [IC_FORMAT] = 1,
	[IC_OPENS] = 1, [IC_CLOSES] = 1, [IC_OUTCOME] = 1,
};

/* Longest value of each column, in code points (0: the text limit). */
static const size_t icol_max[IC__MAX] = {
	[IC_REF] = 64, [IC_TITLE] = 300, [IC_CANCEL_REASON] = 1000,
	[IC_CONTACT_NAME] = 200, [IC_CONTACT_EMAIL] = 254,
};
#define TEXT_MAX	60000		/* TEXT columns: 65,535 bytes */

#define LINK_MAX	32

struct irec {
	struct od_archive	 c;
	unsigned long		 line;
	int			 links[3][LINK_MAX];
	size_t			 nlinks[3];
	const char		*report;
	time_t			 report_at;
};

struct importer {
	struct db		*db;
	struct arena		 arena;
	struct taxonomy		 tax;
	const char		*file;
	int			 col[IC__MAX];	/* field index, or -1 */
	size_t			 ncols;
	struct irec		*recs;
	size_t			 nrecs, cap;
	unsigned		 problems;
	time_t			 now;
};

static void problem(struct importer *, unsigned long, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static void
problem(struct importer *im, unsigned long line, const char *fmt, ...)
{
	va_list	 ap;

	printf("%s:%lu: ", im->file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	im->problems++;
}

/*
 * A value of the file as a message shows it: valid UTF-8, at most 60
 * characters, no control character (C0, DEL, C1, line breaks), so that a
 * hostile file cannot rewrite the operator's terminal or the FILE:LINE
 * format of the report.
 */
static const char *
shown(struct importer *im, const char *s)
{
	unsigned char	*u;
	char		*t;
	size_t		 n, i;

	if (s == NULL || (t = utf8_scrub(&im->arena, s, strlen(s),
	    &n)) == NULL)
		return "?";
	n = utf8_prefix(t, n, 60);
	t[n] = '\0';
	u = (unsigned char *)t;
	for (i = 0; i < n; i++) {
		if (u[i] == '\t' || u[i] == '\n' || u[i] == '\r')
			u[i] = ' ';
		if (u[i] == 0xc2 && i + 1 < n && u[i + 1] >= 0x80 &&
		    u[i + 1] <= 0x9f)
			u[i] = u[i + 1] = '?';
	}
	return t;
}

/* The header: known names, each once, the required ones present. */
static void
read_header(struct importer *im, char **f, size_t n)
{
	size_t	 i, k;

	for (k = 0; k < IC__MAX; k++)
		im->col[k] = -1;
	im->ncols = n;
	for (i = 0; i < n; i++) {
		for (k = 0; k < IC__MAX; k++)
			if (strcmp(f[i], icol_name[k]) == 0)
				break;
		if (k == IC__MAX)
			problem(im, 1, "невідомий стовпець «%s»",
			    shown(im, f[i]));
		else if (im->col[k] != -1)
			problem(im, 1, "стовпець «%s» повторюється", f[i]);
		else
			im->col[k] = (int)i;
	}
	for (k = 0; k < IC__MAX; k++)
		if (icol_required[k] && im->col[k] == -1)
			problem(im, 1, "немає обов'язкового стовпця «%s»",
			    icol_name[k]);
}

/* A strict YYYY-MM-DD that names a real day; its midnight, or -1. */
static time_t
parse_day(const char *s, int hour, int min)
{
	struct tm	 tm;
	int		 y, m, d, i;
	time_t		 t;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = hour;
	tm.tm_min = min;
	tm.tm_isdst = -1;
	if (y < 1991 || (t = mktime(&tm)) == -1 || tm.tm_year != y - 1900 ||
	    tm.tm_mon != m - 1 || tm.tm_mday != d)
		return -1;
	return t;
}

static int
ref_ok(const char *s)
{
	const char	*p;

	if (*s == '\0' || strchr("._/-", *s) != NULL)
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("._/-", *p) != NULL))
			return 0;
	return 1;
}

/* A list of slugs "a; b" into ids (kind 0 themes, 1 districts, 2 groups). */
static void
read_links(struct importer *im, struct irec *r, int kind, const char *v)
{
	static const enum tax_kind tk[3] = { TAX_THEME, TAX_DISTRICT,
	    TAX_GROUP };
	const char	*p, *q, *e;
	size_t		 k;
	int		 pos, id;

	for (p = v; *p != '\0'; p = *q == ';' ? q + 1 : q) {
		q = p + strcspn(p, ";");
		while (p < q && *p == ' ')
			p++;
		for (e = q; e > p && e[-1] == ' '; e--)
			;
		if (e == p)
			continue;
		if ((pos = taxonomy_find(&im->tax, tk[kind], p,
		    (size_t)(e - p))) < 0) {
			problem(im, r->line, "невідомий код «%s» у стовпці "
			    "«%s»", shown(im, arena_strndup(&im->arena, p,
			    (size_t)(e - p))), icol_name[IC_THEMES + kind]);
			continue;
		}
		id = im->tax.items[tk[kind]][pos].id;
		for (k = 0; k < r->nlinks[kind]; k++)
			if (r->links[kind][k] == id)
				break;
		if (k < r->nlinks[kind])
			continue;
		if (r->nlinks[kind] == LINK_MAX)
			problem(im, r->line, "забагато кодів у стовпці «%s»",
			    icol_name[IC_THEMES + kind]);
		else
			r->links[kind][r->nlinks[kind]++] = id;
	}
}

/* A field's value ("" when the column is absent). */
static const char *
fv(const struct importer *im, char **f, enum icol k)
{
	return im->col[k] < 0 ? "" : f[im->col[k]];
}

static int
dup_ref(const struct importer *im, const char *ref, unsigned long *line)
{
	size_t	 i;

	for (i = 0; i < im->nrecs; i++)
		if (strcmp(im->recs[i].c.ref, ref) == 0) {
			*line = im->recs[i].line;
			return 1;
		}
	return 0;
}

/* The texts: valid UTF-8, within their limits, required ones present. */
static void
check_texts(struct importer *im, unsigned long line, char **f)
{
	const char	*v;
	size_t		 k, max;

	for (k = 0; k < IC__MAX; k++) {
		v = fv(im, f, (enum icol)k);
		if (!utf8_valid(v, strlen(v))) {
			problem(im, line, "стовпець «%s»: не UTF-8 або "
			    "керівні символи", icol_name[k]);
			continue;
		}
		max = icol_max[k] != 0 ? icol_max[k] : TEXT_MAX;
		if (utf8_len(v, strlen(v)) > max)
			problem(im, line, "стовпець «%s»: довше за %zu "
			    "символів", icol_name[k], max);
		if (icol_required[k] && *v == '\0')
			problem(im, line, "стовпець «%s» порожній",
			    icol_name[k]);
	}
}

static void
check_outcome(struct importer *im, struct irec *r, char **f)
{
	const char	*o = fv(im, f, IC_OUTCOME);
	time_t		 t;

	if (strcmp(o, "completed") == 0) {
		r->c.outcome = "completed";
		r->report = fv(im, f, IC_REPORT);
		if (*r->report == '\0')
			problem(im, r->line, "завершена консультація "
			    "(completed) потребує звіту (report)");
		if ((t = parse_day(fv(im, f, IC_REPORT_ON), 12, 0)) == -1)
			problem(im, r->line, "report_on: потрібна дата "
			    "звіту РРРР-ММ-ДД");
		else if (r->c.closes > 0 && t < r->c.closes - DAY)
			problem(im, r->line, "report_on раніше за closes_on");
		else if (t > im->now)
			problem(im, r->line, "report_on у майбутньому");
		else
			r->report_at = r->c.completed = t;
	} else if (strcmp(o, "cancelled") == 0) {
		r->c.outcome = "cancelled";
		r->c.cancel_reason = fv(im, f, IC_CANCEL_REASON);
		if (*r->c.cancel_reason == '\0')
			problem(im, r->line, "скасована консультація "
			    "(cancelled) потребує причини (cancel_reason)");
		if (*fv(im, f, IC_REPORT) != '\0')
			problem(im, r->line, "у скасованої консультації не "
			    "буває звіту");
		if ((t = parse_day(fv(im, f, IC_CANCELLED_ON), 12, 0)) == -1)
			problem(im, r->line, "cancelled_on: потрібна дата "
			    "РРРР-ММ-ДД");
		else if (t > im->now)
			problem(im, r->line, "cancelled_on у майбутньому");
		else
			r->c.cancelled = t;
	} else
		problem(im, r->line, "outcome: «completed» або «cancelled», "
		    "не «%s»", shown(im, o));
}

/* One record into im->recs (problems reported, the record kept anyway). */
static int
read_record(struct importer *im, unsigned long line, char **f, size_t n)
{
	struct irec	*r, *nr;
	const char	*v;
	char		 slug[96];
	unsigned long	 first;
	int		 pos;

	if (n != im->ncols) {
		problem(im, line, "%zu полів замість %zu", n, im->ncols);
		return 0;
	}
	if (im->nrecs == im->cap) {
		im->cap = im->cap == 0 ? 64 : im->cap * 2;
		if ((nr = realloc(im->recs, im->cap * sizeof(*nr))) == NULL)
			return -1;
		im->recs = nr;
	}
	r = &im->recs[im->nrecs];
	memset(r, 0, sizeof(*r));
	r->line = line;
	check_texts(im, line, f);
	r->c.ref = fv(im, f, IC_REF);
	if (*r->c.ref != '\0' && !ref_ok(r->c.ref))
		problem(im, line, "archive_ref: латинські літери, цифри та "
		    "._/- , не «%s»", shown(im, r->c.ref));
	else if (dup_ref(im, r->c.ref, &first))
		problem(im, line, "archive_ref «%s» уже є в рядку %lu",
		    r->c.ref, first);
	else if (*r->c.ref != '\0') {
		switch (db_od_ref_exists(im->db, &im->arena, r->c.ref)) {
		case 1:
			problem(im, line, "archive_ref «%s» уже імпортовано",
			    r->c.ref);
			break;
		case -1:
			return -1;
		}
	}
	r->c.title = fv(im, f, IC_TITLE);
	r->c.summary = fv(im, f, IC_SUMMARY);
	r->c.body = fv(im, f, IC_BODY);
	r->c.question = fv(im, f, IC_QUESTION);
	r->c.stakeholders = fv(im, f, IC_STAKEHOLDERS);
	r->c.contact_name = fv(im, f, IC_CONTACT_NAME);
	r->c.contact_email = fv(im, f, IC_CONTACT_EMAIL);
	r->c.cancel_reason = "";
	if (*r->c.contact_email != '\0' && strchr(r->c.contact_email,
	    '@') == NULL)
		problem(im, line, "contact_email: не адреса е-пошти");
	if ((r->c.slug = arena_strdup(&im->arena, cf_slug(slug, sizeof(slug),
	    r->c.title))) == NULL)
		return -1;
	v = fv(im, f, IC_UNIT);
	if ((pos = taxonomy_find(&im->tax, TAX_UNIT, v, strlen(v))) < 0)
		problem(im, line, "невідомий код підрозділу «%s» (unit)",
		    shown(im, v));
	else
		r->c.unit_id = im->tax.items[TAX_UNIT][pos].id;
	v = fv(im, f, IC_FORMAT);
	if ((pos = taxonomy_find(&im->tax, TAX_FORMAT, v, strlen(v))) < 0)
		problem(im, line, "невідомий код формату «%s» (format)",
		    shown(im, v));
	else
		r->c.format_id = im->tax.items[TAX_FORMAT][pos].id;
	read_links(im, r, 0, fv(im, f, IC_THEMES));
	read_links(im, r, 1, fv(im, f, IC_DISTRICTS));
	read_links(im, r, 2, fv(im, f, IC_GROUPS));
	if ((r->c.opens = parse_day(fv(im, f, IC_OPENS), 0, 0)) == -1)
		problem(im, line, "opens_on: «%s» — не дата РРРР-ММ-ДД",
		    shown(im, fv(im, f, IC_OPENS)));
	if ((r->c.closes = parse_day(fv(im, f, IC_CLOSES), 23, 59)) == -1)
		problem(im, line, "closes_on: «%s» — не дата РРРР-ММ-ДД",
		    shown(im, fv(im, f, IC_CLOSES)));
	else if (r->c.opens != -1 && r->c.closes < r->c.opens)
		problem(im, line, "closes_on раніше за opens_on");
	else if (r->c.closes >= im->now)
		problem(im, line, "closes_on не в минулому: в архів потрапляють "
		    "лише завершені консультації");
	check_outcome(im, r, f);
	im->nrecs++;
	return 0;
}

/* Reads and checks the whole file; problems are printed.  0 or -1. */
static int
import_read(struct importer *im, const char *buf, size_t len)
{
	struct csv_in	 in;
	char		**f;
	const char	*err;
	size_t		 n;
	unsigned long	 line;
	int		 r, header = 1;

	csv_in_init(&in, buf, len);
	while ((r = csv_read(&in, &im->arena, &f, &n, IC__MAX * 2, &line,
	    &err)) != 0) {
		if (r == -1) {
			problem(im, line, "%s", err);
			if (header)
				return 0;
			continue;
		}
		if (header) {
			read_header(im, f, n);
			header = 0;
			if (im->problems > 0)
				return 0;
			continue;
		}
		if (read_record(im, line, f, n) == -1)
			return -1;
	}
	if (header)
		problem(im, 1, "порожній файл");
	else if (im->nrecs == 0 && im->problems == 0)
		problem(im, 1, "немає жодного рядка даних");
	return 0;
}

/* Every record in one transaction; 0, or -1 with nothing written. */
static int
import_write(struct importer *im)
{
	struct irec	*r;
	uint32_t	 id;
	size_t		 i, k;
	int		 kind;

	if (db_begin(im->db) == -1 || db_od_bulk(im->db, &im->arena, 1) == -1)
		goto fail;
	for (i = 0; i < im->nrecs; i++) {
		r = &im->recs[i];
		if (db_od_archive_add(im->db, &im->arena, &r->c, &id) == -1) {
			problem(im, r->line, "не вдалося записати (%u)",
			    db_error(im->db));
			goto fail;
		}
		for (kind = 0; kind < 3; kind++)
			for (k = 0; k < r->nlinks[kind]; k++)
				if (db_od_link(im->db, &im->arena, kind, id,
				    r->links[kind][k]) == -1)
					goto fail;
		if (r->report != NULL && *r->report != '\0' &&
		    db_od_report_add(im->db, &im->arena, id, r->report,
		    r->report_at) == -1)
			goto fail;
	}
	if (db_od_listing_bump(im->db, &im->arena) == -1 ||
	    db_od_bulk(im->db, &im->arena, 0) == -1 ||
	    db_commit(im->db) == -1)
		goto fail;
	return 0;
fail:
	(void)db_rollback(im->db);
	(void)db_od_bulk(im->db, &im->arena, 0);
	return -1;
}

#define IMPORT_MAX	(64L * 1024 * 1024)

static char *
slurp(const char *path, size_t *len)
{
	FILE	*f;
	char	*buf = NULL;
	long	 n;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    n <= IMPORT_MAX && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)n + 1)) != NULL) {
		*len = fread(buf, 1, (size_t)n, f);
		if (*len != (size_t)n) {
			free(buf);
			buf = NULL;
		} else
			buf[*len] = '\0';
	}
	fclose(f);
	return buf;
}

static int
cmd_import(const char *file, int dry)
{
	struct importer	 im;
	char		*buf = NULL;
	size_t		 len = 0;
	int		 rc = 1;

	memset(&im, 0, sizeof(im));
	im.file = file;
	im.now = time(NULL);
	arena_init(&im.arena, 0);
	if ((buf = slurp(file, &len)) == NULL) {
		fprintf(stderr, "opendata: cannot read %s (at most %ld "
		    "bytes)\n", file, IMPORT_MAX);
		goto out;
	}
	if ((im.db = db_new(&cfg)) == NULL || db_ensure(im.db) == -1 ||
	    db_taxonomy_load(im.db, &im.arena, &im.tax) == -1) {
		fprintf(stderr, "opendata: cannot connect to the database\n");
		goto out;
	}
	if (import_read(&im, buf, len) == -1) {
		fprintf(stderr, "opendata: database error while checking\n");
		goto out;
	}
	if (im.problems > 0) {
		printf("%s: %u %s, нічого не записано\n", file, im.problems,
		    plural_uk(im.problems, "помилка", "помилки", "помилок"));
		goto out;
	}
	if (dry) {
		printf("%s: %zu %s без помилок (перевірка, нічого не "
		    "записано)\n", file, im.nrecs, plural_uk((long long)im.nrecs,
		    "рядок", "рядки", "рядків"));
		rc = 0;
		goto out;
	}
	if (import_write(&im) == -1) {
		printf("%s: помилка бази даних, нічого не записано\n", file);
		goto out;
	}
	printf("%s: імпортовано до архіву %zu\n", file, im.nrecs);
	rc = 0;
out:
	free(buf);
	free(im.recs);
	taxonomy_free(&im.tax);
	db_free(im.db);
	arena_free(&im.arena);
	return rc;
}

/* ---- the page ------------------------------------------------------------ */

/* "1,2 МБ", "350 КБ", "900 Б" */
static const char *
human_size(struct arena *a, long long b)
{
	char	*s, *p;

	if (b < 1024)
		return arena_printf(a, "%lld Б", b);
	if (b < 1024 * 1024)
		return arena_printf(a, "%lld КБ", (b + 512) / 1024);
	if ((s = arena_printf(a, "%.1f МБ", (double)b / (1024.0 * 1024.0))) !=
	    NULL && (p = strchr(s, '.')) != NULL)
		*p = ',';
	return s;
}

/* The manifest's entry of a file, or NULL. */
static json_t *
manifest_file(json_t *m, const char *name)
{
	json_t	*f;
	size_t	 i;

	json_array_foreach(json_object_get(m, "files"), i, f)
		if (json_is_string(json_object_get(f, "name")) &&
		    strcmp(json_string_value(json_object_get(f, "name")),
		    name) == 0)
			return f;
	return NULL;
}

static void
fill_download(struct request *r, struct tpl_dict *s, json_t *mf,
    const char *fmt, const char *name)
{
	struct tpl_dict	*d;
	json_int_t	 bytes;

	if ((d = tpl_add(s, "DOWNLOAD")) == NULL)
		return;
	bytes = json_integer_value(json_object_get(json_object_get(mf, fmt),
	    "bytes"));
	tpl_set(d, "FORMAT", strcmp(fmt, "csv") == 0 ? "CSV" : "JSON");
	tpl_set(d, "EXT", fmt);
	tpl_set(d, "HREF", arena_printf(r->arena, "/opendata/%s.%s", name,
	    fmt));
	tpl_set(d, "SIZE", human_size(r->arena, (long long)bytes));
}

static void
fill_file(struct request *r, struct tpl_dict *d, json_t *m, size_t i)
{
	const struct od_spec	*sp = &od_specs[i];
	struct tpl_dict		*s, *c, *y;
	json_t			*mf;
	char			 n[48];
	size_t			 k;

	if ((s = tpl_add(d, "FILE")) == NULL)
		return;
	tpl_set(s, "NAME", sp->name);
	tpl_set(s, "TITLE", sp->title);
	tpl_set(s, "ABOUT", sp->about);
	if (m != NULL && (mf = manifest_file(m, sp->name)) != NULL &&
	    (y = tpl_add(s, "READY")) != NULL) {
		tpl_set(y, "ROWS", fmt_count(n, sizeof(n), (long long)
		    json_integer_value(json_object_get(mf, "rows"))));
		fill_download(r, y, mf, "csv", sp->name);
		fill_download(r, y, mf, "json", sp->name);
	} else
		tpl_show(s, "NOT_READY");
	for (k = 0; k < sp->ncols; k++) {
		if ((c = tpl_add(s, "COL")) == NULL)
			return;
		tpl_set(c, "COL_NAME", sp->cols[k].name);
		tpl_set(c, "COL_TYPE", od_type_name[sp->cols[k].type]);
		tpl_set(c, "COL_MEANING", sp->cols[k].meaning);
	}
}

static int
h_page(struct request *r, struct response *resp)
{
	struct page	 pg;
	struct tpl_dict	*d, *g;
	json_t		*m;
	json_error_t	 err;
	const char	*at;
	char		 buf[64];
	struct tm	 tm;
	time_t		 t;
	size_t		 i;

	m = json_load_file(arena_printf(r->arena, "%s/%s", od_dir, MANIFEST),
	    0, &err);
	if ((d = page_begin(&pg, "opendata.tpl", "Відкриті дані", NULL)) ==
	    NULL) {
		json_decref(m);
		return HTTP_INTERNAL_ERROR;
	}
	at = json_string_value(json_object_get(m, "generated_at"));
	memset(&tm, 0, sizeof(tm));
	if (at != NULL && strptime(at, "%Y-%m-%dT%H:%M:%SZ", &tm) != NULL &&
	    (t = timegm(&tm)) != -1 && (g = tpl_add(d, "GENERATED")) != NULL) {
		tpl_set(g, "GENERATED_AT", fmt_datetime_uk(buf, sizeof(buf), t));
		tpl_set(g, "GENERATED_ISO", fmt_iso(buf, sizeof(buf), t));
	} else
		tpl_show(d, "NOT_GENERATED");
	for (i = 0; i < OD__MAX; i++)
		fill_file(r, d, m, i);
	json_decref(m);
	resp->cache_control = "public, max-age=60";
	return page_finish(&pg, resp) == 0 ? 0 : HTTP_INTERNAL_ERROR;
}

#define GET	METHOD_BIT(METHOD_GET)

static const struct route routes[] = {
	{ GET, "/opendata", h_page, NULL, 0, ROUTE_NO_DB },
};

static const struct program program = {
	"opendata", routes, sizeof(routes) / sizeof(routes[0]), NULL, NULL,
	NULL
};

static int
command(int argc, char *argv[])
{
	const char	*v;
	int		 rc, import = strcmp(argv[1], "--import") == 0;

	if (!(strcmp(argv[1], "--export") == 0 && argc <= 3) &&
	    !(import && (argc == 3 || (argc == 4 &&
	    strcmp(argv[3], "--dry-run") == 0)))) {
		fprintf(stderr, "usage: opendata --export [DIR] | "
		    "--import FILE [--dry-run]\n");
		return 2;
	}
	/* The import writes: as the admin program's database user. */
	if (import) {
		v = getenv("HROMADA_DB_ADMIN_USER");
		setenv("HROMADA_DB_USER", v != NULL && *v != '\0' ? v :
		    "hromada_admin", 1);
		v = getenv("HROMADA_DB_ADMIN_PASSWORD");
		setenv("HROMADA_DB_PASSWORD", v != NULL && *v != '\0' ? v :
		    "hromada-local-admin", 1);
	}
	log_init("opendata");
	if (config_load(&cfg) == -1 || mysql_library_init(0, NULL, NULL) != 0)
		return 1;
	/* Dates are city days, as on the pages. */
	setenv("TZ", cfg.timezone, 1);
	tzset();
	if (import)
		rc = cmd_import(argv[2], argc == 4);
	else
		rc = cmd_export(argc == 3 ? argv[2] : od_dir);
	mysql_library_end();
	return rc;
}

int
main(int argc, char *argv[])
{
	const char	*v;
	static char	 dir[PATH_MAX];

	if ((v = getenv("HROMADA_OPENDATA_DIR")) != NULL && *v != '\0')
		od_dir = v;
	else {
		v = getenv("HROMADA_VAR");
		snprintf(dir, sizeof(dir), "%s/opendata", v != NULL &&
		    *v != '\0' ? v : "var");
		od_dir = dir;
	}
	if (argc > 1 && strncmp(argv[1], "--", 2) == 0)
		return command(argc, argv);
	return runner_main(argc, argv, &program);
}
