"""Vendor parsers shipped with kto-ingest; each is registered as a kto_ingest.parsers entry point."""
