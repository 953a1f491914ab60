"""The `rasd` command line: each command parses, calls one library function, prints."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from rasd.errors import InputError, RasdError

INPUT_FORMATS = click.Choice(["auto", "text", "html", "jsonl"])


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
@click.argument("source", metavar="PATH|-")
@click.option("--input-format", type=INPUT_FORMATS, default="auto", show_default=True,
              help="How to read SOURCE; jsonl reads one article per line.")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date, for relative dates.")
@click.option("--url", metavar="U", help="The article's address.")
@click.option("--outlet", metavar="O", help="The outlet that published it.")
@click.option("--compact/--pretty", default=None,
              help="One line per record (default for jsonl) or indented JSON.")
def extract(source, input_format, published, url, outlet, compact) -> None:
    """Print the article record(s) of SOURCE as JSON."""
    from rasd.ingest.read import read_input
    from rasd.pipeline import process_raw

    pretty = not compact if compact is not None else input_format != "jsonl"
    overrides = {k: v for k, v in (("published", published), ("url", url), ("outlet", outlet)) if v}
    failures = successes = 0
    try:
        for item in read_input(source, input_format):
            if isinstance(item, InputError):
                failures += 1
                click.echo(f"rasd: {item}", err=True)
                continue
            for warning in item.warnings:
                click.echo(f"rasd: warning: {item.id}: {warning}", err=True)
            article = process_raw(_with_overrides(item, overrides))
            click.echo(_dump(article.to_dict(), pretty))
            successes += 1
    except RasdError as error:
        _fail(str(error))
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
            for mention in doc.places:
                click.echo(_render_place(doc.article.id, mention, as_json))
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


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score this JSON Lines file of article records instead of running extraction.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("--per-article", is_flag=True, help="Also list each article's counts.")
def evaluate(gold, predictions, as_json, per_article) -> None:
    """Score extraction against GOLD.jsonl as EVENTS.md section 6 says."""
    from rasd.evaluate.run import evaluate_file

    try:
        report = evaluate_file(gold, predictions)
    except (RasdError, ValueError) as error:
        _fail(str(error))
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
        return
    click.echo(report.format_table())
    if per_article:
        for row in report.per_article:
            click.echo("  " + "  ".join(f"{key}={value}" for key, value in _row_items(row)))


def _row_items(row):
    return row.items() if isinstance(row, dict) else vars(row).items()


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
