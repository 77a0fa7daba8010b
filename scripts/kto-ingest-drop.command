#!/bin/sh
# macOS: dubbelklik opent Terminal; sleep daarna PDF-bestanden of een map in het venster en druk op
# Enter. (Finder geeft bestanden die op een .command worden gesleept niet door.)
if command -v kto-ingest-drop >/dev/null 2>&1; then
  exec kto-ingest-drop "$@"
fi
if python3 -c 'import kto_ingest' >/dev/null 2>&1; then
  exec python3 -m kto_ingest.drop "$@"
fi
if python3 -c 'import sys' >/dev/null 2>&1; then
  echo "Python is er, maar kto-ingest is niet geinstalleerd voor $(command -v python3)."
  echo "Installeer het met pipx; de stappen staan in de README onder \"Op macOS\"."
else
  echo "Python 3 is niet gevonden op deze computer, dus kto-ingest kan niet starten."
  echo "Installeer Python 3.11 of nieuwer van https://www.python.org/downloads/ en daarna kto-ingest; zie de README, \"Op macOS\"."
fi
printf 'Druk op Enter om dit venster te sluiten.'
read -r _ || true
exit 127
