"""kto-ingest: checks customer-satisfaction (KTO) survey reports in PDF against UWV's rules."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kto-ingest")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"
