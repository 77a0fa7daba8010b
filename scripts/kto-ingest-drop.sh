#!/bin/sh
# Linux: sleep PDF-bestanden of mappen op de starter (kto-ingest-drop.desktop), of start:
#   scripts/kto-ingest-drop.sh "Map met rapporten/"
# Gebruikt kto-ingest-drop als dat op het PATH staat, anders python3 -m kto_ingest.drop.
if [ -n "$KTO_INGEST_PYTHON" ]; then
  exec "$KTO_INGEST_PYTHON" -m kto_ingest.drop "$@"
elif command -v kto-ingest-drop >/dev/null 2>&1; then
  exec kto-ingest-drop "$@"
else
  exec python3 -m kto_ingest.drop "$@"
fi
