@echo off
rem Windows: sleep PDF-bestanden of mappen op dit bestand.
rem Gebruikt kto-ingest-drop als dat gevonden wordt, anders "py -m kto_ingest.drop".
rem Bij een probleem wacht het venster op Enter (dat doet kto_ingest.drop zelf).
where kto-ingest-drop >nul 2>nul
if %errorlevel%==0 (
  kto-ingest-drop %*
) else (
  py -3 -m kto_ingest.drop %*
)
