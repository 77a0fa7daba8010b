"""The ``kto-ingest serve`` subcommand's options; the web stack is imported only when it runs."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import ExitCode
from .isolation import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT


def serve(
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Poort (standaard 8765; 0: een vrije poort).")] = 8765,
    host: Annotated[
        str, typer.Option("--host", help="Adres om op te luisteren (standaard 127.0.0.1: alleen deze computer). "
                          "Een ander adres vraagt een toegangscode.")
    ] = "127.0.0.1",
    open_browser: Annotated[bool, typer.Option("--open", help="Open de pagina in de webbrowser.")] = False,
    token: Annotated[
        Optional[str], typer.Option("--token", help="Toegangscode die elk verzoek moet meesturen (of zet KTO_INGEST_TOKEN); "
                                    "verplicht bij een ander adres dan 127.0.0.1.")
    ] = None,
    regime_name: Annotated[str, typer.Option("--regime", help="Regeling, zoals bij kto-ingest check.")] = "",
    bureaus: Annotated[Optional[Path], typer.Option("--bureaus", help="Bijgewerkt bureauregister (TOML).")] = None,
    trust_dir: Annotated[Optional[Path], typer.Option("--trust", help="Map met vertrouwde (root)certificaten.")] = None,
    clms: Annotated[Optional[Path], typer.Option("--clms", help="CLMS-export (CSV): ontvangstdatum en beëindigde diensten.")] = None,
    instellingen: Annotated[Optional[Path], typer.Option("--instellingen", help="Instellingenbestand (TOML); standaard "
                                                          "kto-ingest.toml in de werkmap, dan in de gebruikersmap.")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=0, help="Bestanden tegelijk (standaard: aantal kernen).")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0, help="Seconden per bestand (0: geen grens).")] = DEFAULT_TIMEOUT,
    max_memory: Annotated[int, typer.Option("--max-memory", min=0, help="Geheugengrens per bestand in MB (0: geen).")] = DEFAULT_MAX_MEMORY_MB,
    max_file_mb: Annotated[float, typer.Option("--max-file-mb", min=0.001, help="Grootste bestand dat wordt aangenomen, in MB.")] = 200.0,
    max_upload_mb: Annotated[float, typer.Option("--max-upload-mb", min=0.001, help="Grootste upload per keer, in MB.")] = 1024.0,
) -> None:
    """Start een webpagina op deze computer: sleep er PDF-bestanden of een map op en krijg het overzicht."""
    from .cli import load_inputs
    from .isolation import Limits, default_jobs
    from .pipeline import Options, quiet_libraries
    from .serve import ServeConfig, ServeError, serve as run_server

    quiet_libraries()
    inputs = load_inputs(regime_name, bureaus, clms, trust_dir, instellingen)  # options, else the settings file
    config = ServeConfig(
        options=Options(regime=inputs.regime, register=inputs.register, clms=inputs.clms, trust=inputs.trust,
                        regime_fixed=bool(regime_name), params=inputs.settings.data.parameters,
                        settings=inputs.settings.audit_source(),
                        regime_reason=None if regime_name or not inputs.settings.regeling else "uit het instellingenbestand"),
        limits=Limits(jobs=default_jobs() if jobs is None else jobs, timeout=timeout or None, max_memory_mb=max_memory or None),
        host=host,
        port=port,
        token=token if token is not None else (os.environ.get("KTO_INGEST_TOKEN") or None),
        max_file_bytes=int(max_file_mb * 1024 * 1024),
        max_upload_bytes=int(max_upload_mb * 1024 * 1024),
    )
    try:
        run_server(config, open_browser=open_browser, echo=lambda text: typer.echo(text, err=True))
    except ServeError as exc:
        typer.echo(f"Fout: {exc}", err=True)
        raise typer.Exit(int(ExitCode.USAGE)) from None
