#!/bin/sh
# Linux: sleep PDF-bestanden of mappen op de starter (kto-ingest-drop.desktop), of start:
#   scripts/kto-ingest-drop.sh "Map met rapporten/"
# Gebruikt kto-ingest-drop als dat op het PATH staat, anders python3 -m kto_ingest.drop.
if [ -n "$KTO_INGEST_PYTHON" ]; then
  exec "$KTO_INGEST_PYTHON" -m kto_ingest.drop "$@"
fi
if command -v kto-ingest-drop >/dev/null 2>&1; then
  exec kto-ingest-drop "$@"
fi
if python3 -c 'import kto_ingest' >/dev/null 2>&1; then
  exec python3 -m kto_ingest.drop "$@"
fi
if python3 -c 'import sys' >/dev/null 2>&1; then
  echo "Python is er, maar kto-ingest is niet geinstalleerd voor $(command -v python3)."
  echo "Installeer het met pipx; de stappen staan in de README onder \"Drag and drop\"."
else
  echo "Python 3 is niet gevonden op deze computer, dus kto-ingest kan niet starten."
  echo "Installeer python3 (Debian/Ubuntu: sudo apt install python3 pipx) en daarna kto-ingest; zie de README."
fi
printf 'Druk op Enter om dit venster te sluiten.'
read -r _ || true
exit 127
