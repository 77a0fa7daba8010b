#!/bin/sh
# macOS: dubbelklik opent Terminal; sleep daarna PDF-bestanden of een map in het venster en druk op
# Enter. (Finder geeft bestanden die op een .command worden gesleept niet door.)
if command -v kto-ingest-drop >/dev/null 2>&1; then
  exec kto-ingest-drop "$@"
else
  exec python3 -m kto_ingest.drop "$@"
fi
