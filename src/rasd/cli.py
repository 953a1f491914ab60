"""The `rasd` command line: each command parses, calls one library function, prints."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from rasd.errors import InputError, RasdError

INPUT_FORMATS = click.Choice(["auto", "text", "html", "jsonl"])
SOURCE_FORMATS = click.Choice(["auto", "text", "html", "jsonl", "feed", "warc"])


def _dump(record: dict, pretty: bool) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2 if pretty else None)


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"rasd: error: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rasd")
def main() -> None:
    """Rasd (رصد): Arabic conflict news in, structured event data out."""


@main.command()
@click.argument("source", metavar="PATH|URL|-")
@click.option("--input-format", type=SOURCE_FORMATS, default="auto", show_default=True,
              help="How to read SOURCE; jsonl reads one article per line; feed an RSS/Atom file or URL; "
                   "warc a web archive (auto tells feeds and archives by their content).")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date, for relative dates.")
@click.option("--url", metavar="U", help="The article's address.")
@click.option("--outlet", metavar="O", help="The outlet that published it.")
@click.option("--compact/--pretty", default=None,
              help="One line per record (default for jsonl) or indented JSON.")
@click.option("--workers", type=click.IntRange(min=1), metavar="N",
              help="Worker processes for JSON Lines input (default: the cores; small inputs run in one).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the records as JSON Lines to this file instead of standard output.")
@click.option("--checkpoint", type=click.Path(dir_okay=False, path_type=Path),
              help="Resume file (needs --output): a killed run started again does no article twice.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="dask: run on a Dask cluster and write partitioned Parquet to the --output folder.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler to join (tcp://HOST:8786); default: a LocalCluster of --workers processes.")
def extract(source, input_format, published, url, outlet, compact, workers, output, checkpoint, engine,
            scheduler) -> None:
    """Print the article record(s) of SOURCE as JSON."""
    from collections import Counter

    from rasd.ingest.sources import read_source, source_kind

    if (checkpoint is not None or engine == "dask") and output is None:
        _fail("--checkpoint and --engine dask need --output (a redirected standard output cannot be resumed)")
    if input_format == "auto" and source != "-":
        input_format = source_kind(source)  # feeds and archives are told by content; the rest stays auto
    pretty = not compact if compact is not None else input_format not in ("jsonl", "feed", "warc")
    overrides = {k: v for k, v in (("published", published), ("url", url), ("outlet", outlet)) if v}
    tally, skipped = {"failures": 0}, Counter()
    try:
        raws = _readable(read_source(source, input_format, tally=skipped), overrides, tally)
        if engine == "dask":
            successes = _extract_with_dask(raws, output, scheduler, workers)
        elif output is not None:
            successes = _extract_to_file(raws, output, workers, checkpoint)
        else:
            successes = _extract_to_stdout(raws, workers, pretty)
    except RasdError as error:
        _fail(str(error))
    if skipped:
        click.echo("rasd: web archive records: " + ", ".join(f"{k} {v}" for k, v in sorted(skipped.items())), err=True)
    _exit_on_failures(tally["failures"], successes)


def _extract_to_stdout(raws, workers: int | None, pretty: bool) -> int:
    from rasd.batch import process_many

    count = 0
    for article in process_many(raws, workers=workers):
        click.echo(_dump(article.to_dict(), pretty))
        count += 1
    return count


def _extract_to_file(raws, output: Path, workers: int | None, checkpoint: Path | None) -> int:
    from rasd.batch import write_jsonl

    summary = write_jsonl(raws, output, workers=workers, checkpoint=checkpoint)
    click.echo(f"rasd: {summary.written} record(s) written to {output}, {summary.skipped} already done", err=True)
    return summary.written + summary.skipped


def _extract_with_dask(raws, output: Path, scheduler: str | None, workers: int | None) -> int:
    from rasd.cluster import process_with_dask

    summary = process_with_dask(raws, out_dir=output, scheduler=scheduler, n_workers=workers)
    click.echo(f"rasd: {summary.articles} record(s) in {summary.partitions} Parquet partition(s) written "
               f"to {output}/, {summary.skipped_partitions} partition(s) already there", err=True)
    return summary.articles + summary.skipped_partitions


def _readable(items, overrides: dict, tally: dict):
    """The raw articles of `items`, reporting unreadable ones and warnings on standard error."""
    for item in items:
        if isinstance(item, InputError):
            tally["failures"] += 1
            click.echo(f"rasd: {item}", err=True)
            continue
        for warning in item.warnings:
            click.echo(f"rasd: warning: {item.id}: {warning}", err=True)
        yield _with_overrides(item, overrides)


def _exit_on_failures(failures: int, successes: int) -> None:
    if failures:
        # Nothing readable at all is an error (2); a batch with some bad lines is a partial failure (1).
        _fail(f"{failures} record(s) could not be read (see above)", code=1 if successes else 2)


@main.command()
@click.argument("source", metavar="PATH|-", required=False)
@click.option("--input-format", type=INPUT_FORMATS, default="auto", show_default=True,
              help="How to read SOURCE, as for `rasd extract`.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per mention.")
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Instead: the share of GOLD.jsonl events whose place is found and resolved.")
def places(source, input_format, as_json, gold) -> None:
    """Print every place mention of SOURCE with its resolution and the reason for it."""
    if gold is not None:
        _print_place_score(gold, as_json)
        return
    _print_mentions(source, input_format, lambda doc: doc.places, _render_place, as_json)


def _print_mentions(source, input_format, mentions_of, render, as_json: bool) -> None:
    """One line per mention `mentions_of(doc)` finds in each article of SOURCE (rasd places, rasd actors)."""
    if source is None:
        _fail("give a PATH (or - for standard input), or --gold GOLD.jsonl")
    from rasd.ingest.read import read_input
    from rasd.pipeline import run_stages, start_doc

    try:
        for item in read_input(source, input_format):
            if isinstance(item, InputError):
                click.echo(f"rasd: {item}", err=True)
                continue
            doc = run_stages(start_doc(item))
            for mention in mentions_of(doc):
                click.echo(render(doc.article.id, mention, as_json))
    except RasdError as error:
        _fail(str(error))


def _render_place(article_id: str, mention, as_json: bool) -> str:
    location = mention.location
    if as_json:
        record = {"id": article_id, **location.to_dict(), "role": mention.role, "reason": mention.reason}
        return json.dumps(record, ensure_ascii=False)
    where = ", ".join(x for x in (location.admin2, location.admin1, location.country) if x)
    coords = f"{location.lat:.4f},{location.lon:.4f}" if location.lat is not None else "no coordinates"
    return (f"{article_id}\t[{mention.span.start}:{mention.span.end}] «{location.mention}» -> "
            f"{location.name_ar} / {location.name_en or '?'} ({where}) {coords} "
            f"precision {location.geo_precision} ({location.gazetteer_id or 'not in gazetteer'}): {mention.reason}")


def _print_place_score(gold: Path, as_json: bool) -> None:
    from rasd.evaluate.places_eval import score_places
    from rasd.evaluate.run import read_jsonl_records

    score = score_places(read_jsonl_records(gold))
    if as_json:
        click.echo(json.dumps({"events": score.events, "found": score.found, "rate": score.rate}))
        return
    for miss in score.misses:
        seen = "; ".join(miss.candidates) or "no mention of that name"
        click.echo(f"  miss {miss.article_id}: {miss.name_ar} ({miss.admin1}) - {seen}")
    click.echo(f"places found and resolved (name + admin1): {score.found}/{score.events} = {score.rate:.3f}")


@main.command()
@click.argument("source", metavar="PATH|-", required=False)
@click.option("--input-format", type=INPUT_FORMATS, default="auto", show_default=True,
              help="How to read SOURCE, as for `rasd extract`.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per mention.")
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Instead: the share of GOLD.jsonl events whose actor1 is resolved canonically.")
def actors(source, input_format, as_json, gold) -> None:
    """Print every actor mention of SOURCE with its canonical actor."""
    if gold is not None:
        _print_actor_score(gold, as_json)
        return
    from rasd.evaluate.actors_eval import doc_actors

    _print_mentions(source, input_format, doc_actors, _render_actor, as_json)


def _render_actor(article_id: str, mention, as_json: bool) -> str:
    actor = mention.actor
    if as_json:
        record = {"id": article_id, **actor.to_dict(), "kind": mention.kind, "sentence": mention.sentence,
                  "person": mention.person, "kunya": mention.kunya, "reason": mention.reason}
        return json.dumps(record, ensure_ascii=False)
    person = f" person «{mention.person}»" if mention.person else ""
    return (f"{article_id}\t[{mention.span.start}:{mention.span.end}] «{actor.mention}» -> "
            f"{actor.name} / {actor.name_ar} (type {actor.type}, {mention.kind}){person}: {mention.reason}")


def _print_actor_score(gold: Path, as_json: bool) -> None:
    from rasd.evaluate.actors_eval import score_actors
    from rasd.evaluate.run import read_jsonl_records

    score = score_actors(read_jsonl_records(gold))
    if as_json:
        click.echo(json.dumps({"events": score.events, "resolved": score.resolved, "found": score.found,
                               "resolver_rate": score.resolver_rate, "found_rate": score.found_rate}))
        return
    for miss in score.misses:
        click.echo(f"  miss {miss.article_id}: «{miss.mention}» gold {miss.gold}; resolved {miss.resolved}; "
                   f"{'found' if miss.found else 'not found'} in the evidence")
    click.echo(f"actor1 resolved from the gold mention: {score.resolved}/{score.events} = {score.resolver_rate:.3f}")
    click.echo(f"actor1 found by find_actors in the evidence: {score.found}/{score.events} = {score.found_rate:.3f}")


@main.command()
@click.option("--compact", is_flag=True, help="One line of JSON instead of indented JSON.")
def demo(compact) -> None:
    """Process the bundled example report and print its record."""
    from rasd.ingest.read import read_article_file
    from rasd.pipeline import process_raw
    from rasd.resources import example_article_path

    try:
        article = process_raw(read_article_file(example_article_path(), "text"))
    except RasdError as error:
        _fail(str(error))
    click.echo(_dump(article.to_dict(), not compact))


def _with_overrides(raw, overrides: dict):
    from dataclasses import replace

    return replace(raw, **overrides) if overrides else raw


@main.command(name="bench-places")
@click.argument("source", metavar="PATH|-", required=False)
@click.option("--input-format", type=INPUT_FORMATS, default="auto", show_default=True,
              help="How to read SOURCE, as for `rasd extract`.")
@click.option("--repeat", type=click.IntRange(min=1), default=3, show_default=True,
              help="Run over the texts this many times.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def bench_places(source, input_format, repeat, as_json) -> None:
    """Measure place matching speed (MB of text per second, one core) over SOURCE or the bundled example."""
    from rasd.bench_places import place_throughput

    texts = _bench_texts(source, input_format)
    figures = place_throughput(texts, repeat)
    if as_json:
        click.echo(json.dumps(figures))
        return
    click.echo(f"places: {figures['documents']} documents, {figures['megabytes']:.3f} MB, "
               f"{figures['mentions']} mentions in {figures['seconds']:.2f} CPU s = "
               f"{figures['mb_per_second']:.2f} MB/s per core (find_places alone "
               f"{figures['find_mb_per_second']:.2f} MB/s, its name-matching pass alone "
               f"{figures['match_mb_per_second']:.2f} MB/s; wall clock {figures['wall_mb_per_second']:.2f} MB/s); "
               f"tables load {figures['load_seconds']:.2f} s")


def _bench_texts(source, input_format) -> list[str]:
    from rasd.ingest.read import read_article_file, read_input
    from rasd.resources import example_article_path

    if source is None:
        return [read_article_file(example_article_path(), "text").text]
    try:
        return [item.text for item in read_input(source, input_format) if not isinstance(item, InputError)]
    except RasdError as error:
        _fail(str(error))


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score this JSON Lines file of article records instead of running extraction.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("--per-article", is_flag=True, help="Also list each article's counts.")
@click.option("--floors", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Exit 1 when a figure falls below the floor this TOML file pins for it.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Score only the events of at least this confidence (0.5 checks the calibration).")
def evaluate(gold, predictions, as_json, per_article, floors, min_confidence) -> None:
    """Score extraction against GOLD.jsonl as EVENTS.md section 6 says."""
    from rasd.evaluate.run import evaluate_file

    try:
        report = evaluate_file(gold, predictions, min_confidence)
    except (RasdError, ValueError) as error:
        _fail(str(error))
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        click.echo(report.format_table())
    if per_article:
        for row in report.per_article:
            click.echo("  " + "  ".join(f"{key}={value}" for key, value in _row_items(row)))
    if floors:
        _check_floors(report, floors)


def _check_floors(report, path: Path) -> None:
    from rasd.evaluate.floors import floor_failures, read_floors

    failures = floor_failures(report, read_floors(path))
    for failure in failures:
        click.echo(f"below floor: {failure}", err=True)
    if failures:
        raise SystemExit(1)
    click.echo(f"every figure at or above its floor in {path.name}", err=True)


def _row_items(row):
    """A per-article row's fields, whether a dict or a (slots) dataclass record."""
    from dataclasses import asdict, is_dataclass

    return row.items() if isinstance(row, dict) else (asdict(row) if is_dataclass(row) else vars(row)).items()


# --- the event database (rasd.store) ---------------------------------------------

DB_OPTION = click.option(
    "--db", envvar="RASD_DB", metavar="PATH|URL",
    help="SQLite file or postgresql:// URL [default: $RASD_DB, else rasd.sqlite3 in the user data dir].")
EXPORT_FORMATS = click.Choice(["csv", "geojson", "parquet", "jsonl"])


def _open_store(db):
    from rasd.store import open_store

    try:
        return open_store(db)
    except RasdError as error:
        _fail(str(error))


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH|FOLDER|-...")
@DB_OPTION
@click.option("--input-format", type=SOURCE_FORMATS, default="auto", show_default=True,
              help="How to read each source, as for `rasd extract` (feeds and web archives are told by content).")
@click.option("--watch", "interval", type=click.FloatRange(min=1), metavar="SECONDS",
              help="Poll the SOURCES feeds every SECONDS and store each new item once (needs --state).")
@click.option("--state", type=click.Path(dir_okay=False, path_type=Path),
              help="With --watch: the file that remembers the feed items already read, across restarts.")
@click.option("--rounds", type=click.IntRange(min=1), metavar="N", help="With --watch: stop after N polls.")
@click.option("--workers", type=click.IntRange(min=1), metavar="N",
              help="Extraction processes (default: the cores, one while --watch polls; "
                   "inputs of a few articles run in one).")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar [default: on a terminal].")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="dask: extract on a Dask cluster into partitioned Parquet, then load it into the database.")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the scheduler to join (tcp://HOST:8786); default: a LocalCluster.")
@click.option("--parquet", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="With --engine dask: keep the Parquet in DIR (rerun to resume); default: a temporary folder.")
def ingest(sources, db, input_format, interval, state, rounds, workers, progress, engine, scheduler,
           parquet) -> None:
    """Extract articles from files, folders (recursively), JSON Lines, feeds or web archives into the database;
    a folder of part-*.parquet files (`rasd extract --engine dask -o DIR`) is loaded as it is."""
    from collections import Counter

    from rasd.batch import default_workers
    from rasd.ingest.feeds import watch_feeds
    from rasd.pipeline import process_raw
    from rasd.store.ingest import ingest as ingest_all, ingest_parallel, read_sources
    from tqdm import tqdm

    if interval is not None and state is None:
        _fail("--watch needs --state FILE (it remembers the items already stored)")
    _check_engine_options(sources, engine, scheduler, parquet, interval)
    skipped: Counter = Counter()
    items = (watch_feeds(sources, state, interval=interval, rounds=rounds) if interval is not None
             else read_sources(sources, input_format, skipped))
    store = _open_store(db)
    bar = tqdm(unit=" articles", disable=None if progress is None else not progress, file=sys.stderr)

    def show(result, summary):
        bar.update(1)
        bar.set_postfix(new=summary.new, updated=summary.updated, unchanged=summary.unchanged,
                        failed=summary.failed, refresh=False)

    try:
        if engine == "dask" or _parquet_folders(sources):
            summary = _ingest_through_parquet(store, sources, items, show, scheduler, workers, parquet)
        elif (local_workers := workers or (1 if interval is not None else default_workers())) > 1:
            summary = ingest_parallel(store, items, local_workers, show)  # a poll must not wait for a batch
        else:
            summary = ingest_all(store, items, process_raw, show)
    finally:
        bar.close()
        store.close()
    if skipped:
        click.echo("rasd: web archive records: " + ", ".join(f"{k} {v}" for k, v in sorted(skipped.items())), err=True)
    for source, reason in summary.failures:
        click.echo(f"rasd: failed: {source}: {reason}", err=True)
    click.echo(f"read {summary.read}, new {summary.new}, updated {summary.updated}, "
               f"unchanged {summary.unchanged}, failed {summary.failed}")
    if summary.failed:
        sys.exit(1 if summary.failed < summary.read else 2)


def _parquet_folders(sources) -> list[str]:
    from rasd.store.parquet_ingest import is_parquet_folder

    return [source for source in sources if is_parquet_folder(source)]


def _check_engine_options(sources, engine: str, scheduler, parquet, interval) -> None:
    if engine != "dask" and (scheduler or parquet):
        _fail("--scheduler and --parquet need --engine dask")
    if engine == "dask" and interval is not None:
        _fail("--watch polls feeds on this machine: it does not run with --engine dask")
    folders = _parquet_folders(sources)
    if folders and len(folders) < len(sources):
        _fail("a folder of part-*.parquet files is loaded as it is: ingest it on its own, not with other sources")
    if folders and engine == "dask":
        _fail(f"{folders[0]} holds processed records already: load it without --engine dask")


def _ingest_through_parquet(store, sources, items, show, scheduler, workers, parquet):
    """Load Parquet folders as they are, or extract `items` on Dask into Parquet and load that."""
    from rasd.store.parquet_ingest import ingest_with_dask, load_parquet

    if _parquet_folders(sources):
        return load_parquet(store, [Path(source) for source in sources], show)
    return ingest_with_dask(store, items, out_dir=parquet, scheduler=scheduler, n_workers=workers, on_result=show)


def _filter_options(command):
    options = (
        click.option("--since", metavar="YYYY-MM-DD", help="Events on or after this day."),
        click.option("--until", metavar="YYYY-MM-DD", help="Events on or before this day."),
        click.option("--country"), click.option("--admin1"),
        click.option("--event-type", help="e.g. 'Explosions/Remote violence'."),
        click.option("--actor", help="A part of an actor's canonical name."),
        click.option("--outlet"),
        click.option("--search", "text", metavar="WORDS", help="Words the article contains (Arabic folded)."),
        click.option("--updated-since", metavar="ISO-TIME",
                     help="Only records written after this time, and those deleted since."),
        click.option("--format", "fmt", type=EXPORT_FORMATS, default="jsonl", show_default=True),
        click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
                     help="Write to this file (required for parquet)."),
        DB_OPTION,
    )
    for option in reversed(options):
        command = option(command)
    return command


def _export(kind, db, fmt, output, **filters) -> None:
    from rasd.export import write_rows
    from rasd.store.export_rows import export_rows
    from rasd.store.query import EventFilter

    store = _open_store(db)
    try:
        rows = export_rows(store, kind, EventFilter(**filters))
        write_rows(rows, fmt, sys.stdout, output)
    except ValueError as error:
        _fail(str(error))
    finally:
        store.close()


@main.command()
@_filter_options
def events(db, fmt, output, **filters) -> None:
    """Export stored events (ACLED-style CSV, GeoJSON, Parquet or JSON Lines)."""
    _export("event", db, fmt, output, **filters)


@main.command()
@_filter_options
def incidents(db, fmt, output, **filters) -> None:
    """Export incidents: events of several reports merged, every source listed."""
    _export("incident", db, fmt, output, **filters)


@main.command(name="link-eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--gold-events", is_flag=True, help="Link the file's gold events instead of extracted ones.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def link_eval(gold, gold_events, as_json) -> None:
    """Pairwise F1 of incident links against GOLD.jsonl's incident_hint groups."""
    from rasd.evaluate.links import score_links

    score = score_links(gold, gold_events)
    figures = {"events": "gold" if gold_events else "extracted", "gold_pairs": score.gold_pairs,
               "linked_pairs": score.predicted_pairs, "true_pairs": score.true_pairs,
               "precision": round(score.precision, 3), "recall": round(score.recall, 3),
               "f1": round(score.f1, 3), "different_place_incidents": len(score.cross_place)}
    if as_json:
        click.echo(json.dumps(figures))
        return
    for a, b in score.false_links:
        click.echo(f"  linked, no shared hint: {a} {b}")
    for a, b in score.missed_links:
        click.echo(f"  shared hint, not linked: {a} {b}")
    click.echo("  ".join(f"{k}={v}" for k, v in figures.items()))


@main.command()
@click.argument("corpus", metavar="[CORPUS]", required=False)
@click.option("--articles", type=click.IntRange(min=1), metavar="N",
              help="Articles to build (default 1000), or the first N of CORPUS.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("--no-workers", is_flag=True, help="Skip the 1-vs-2 worker runs (process pool and Dask).")
@click.option("--no-dask", is_flag=True, help="Skip the Dask LocalCluster runs.")
@click.option("--no-serve", is_flag=True, help="Skip timing the start of `rasd serve`.")
def bench(corpus, articles, as_json, no_workers, no_dask, no_serve) -> None:
    """Time each stage and the full extraction, peak memory and the speed-up of 2 workers."""
    from rasd.bench import DEFAULT_ARTICLES, build_corpus, read_corpus, run_bench

    try:
        raws = read_corpus(corpus, articles) if corpus else build_corpus(articles or DEFAULT_ARTICLES)
        report = run_bench(raws, corpus or "built from the examples and fixtures",
                           pools=not no_workers, dask=not (no_workers or no_dask), serve=not no_serve)
    except RasdError as error:
        _fail(str(error))
    click.echo(json.dumps(report.to_dict(), ensure_ascii=False) if as_json else report.format_table())


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (local only by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--login-to-read", is_flag=True, help="Reading needs a signed-in reviewer too.")
def serve(db, host, port, login_to_read) -> None:
    """Serve the web portal and the REST API (docs at /api/docs) over the event database."""
    import uvicorn

    from rasd.web.app import create_app

    store = _open_store(db)
    click.echo(f"Rasd portal on http://{host}:{port}/ (API docs: /api/docs)", err=True)
    uvicorn.run(create_app(store, login_to_read=login_to_read), host=host, port=port, log_level="warning")


@main.group()
def user() -> None:
    """Reviewer accounts of the portal."""


@user.command(name="add")
@click.argument("name")
@DB_OPTION
@click.password_option(envvar="RASD_PASSWORD", help="The password (asked twice when not given; or $RASD_PASSWORD).")
def user_add(name, db, password) -> None:
    """Create reviewer NAME, or set a new password for it."""
    from rasd.web.auth import create_user

    store = _open_store(db)
    try:
        create_user(store, name, password)
    except (ValueError, RasdError) as error:
        _fail(str(error))
    finally:
        store.close()
    click.echo(f"reviewer {name} saved")


@main.command(name="ner-eval")
@click.argument("conll", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                default="../shared/data/ner/anercorp_camel/test.conll")
@click.option("--map", "renames", multiple=True, metavar="SRC=DST",
              help="Rename a gold entity type before scoring (GPE=LOC, VEH=O); repeatable.")
@click.option("--context", is_flag=True,
              help="Read the file as running text: share names found in nearby sentences.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def ner_eval(conll, renames, context, as_json) -> None:
    """Tag CONLL (token<TAB>tag) with the shipped NER model; print P/R/F1 per type and micro.

    Entities count as correct only with the exact tokens and type (conlleval).
    CONLL defaults to the official ANERcorp test split in ../shared/data/ner.
    """
    from rasd.evaluate.ner_eval import evaluate_ner

    if any("=" not in item for item in renames):
        _fail("--map takes SRC=DST, e.g. --map GPE=LOC")
    try:
        report = evaluate_ner(conll, dict(item.split("=", 1) for item in renames), context)
    except RasdError as error:
        _fail(str(error))
    click.echo(json.dumps(report.to_dict()) if as_json else report.format_table())


if __name__ == "__main__":
    main()
