@echo off
rem Windows: sleep PDF-bestanden of mappen op dit bestand (of dubbelklik en sleep ze in het venster).
rem Gebruikt kto-ingest-drop als dat gevonden wordt, anders "py -3 -m kto_ingest.drop" of
rem "python -m kto_ingest.drop". Bij een probleem wacht het venster op een toets.
rem
rem Verkenner zet alleen paden met een spatie tussen aanhalingstekens, dus een pad met & of % zou
rem deze opdrachtregel breken. Daarom gaan de paden niet via %%*: kto_ingest.drop leest ze zelf uit
rem de opdrachtregel van dit venster (KTO_INGEST_CMDLINE, met vertraagde expansie gelezen, zodat
rem & % ^ en ! niets doen), en dit script eindigt met "exit", zodat cmd.exe de rest van een bij een
rem & afgebroken regel nooit uitvoert.
setlocal EnableExtensions DisableDelayedExpansion
set "KTO_INGEST_SCRIPT=%~f0"
set "KTO_RUN="
where kto-ingest-drop >nul 2>nul
if not errorlevel 1 set "KTO_RUN=kto-ingest-drop"
if not defined KTO_RUN (
  py -3 -c "import kto_ingest" >nul 2>nul
  if not errorlevel 1 set "KTO_RUN=py -3 -m kto_ingest.drop"
)
if not defined KTO_RUN (
  python -c "import kto_ingest" >nul 2>nul
  if not errorlevel 1 set "KTO_RUN=python -m kto_ingest.drop"
)
setlocal EnableDelayedExpansion
set "KTO_INGEST_CMDLINE=!cmdcmdline!"
set "KTO_FROM_EXPLORER="
if /i not "!KTO_INGEST_CMDLINE:%~nx0=!"=="!KTO_INGEST_CMDLINE!" set "KTO_FROM_EXPLORER=1"
if not defined KTO_RUN goto :missing
if defined KTO_FROM_EXPLORER goto :explorer

rem In een geopend venster getypt: de gebruiker heeft zelf aanhalingstekens gezet.
set "KTO_INGEST_CMDLINE="
setlocal DisableDelayedExpansion
%KTO_RUN% %*
exit /b

:explorer
%KTO_RUN%
set "KTO_RC=!errorlevel!"
rem 0-3 zijn de eigen uitkomsten van kto-ingest (bij 2 en 3 heeft het zelf al gewacht); iets anders
rem is een fout voordat kto-ingest kon beginnen: laat die staan.
if !KTO_RC! gtr 3 pause
if !KTO_RC! lss 0 pause
exit !KTO_RC!

:missing
echo.
py -3 -c "import sys" >nul 2>nul
if not errorlevel 1 goto :no_tool
python -c "import sys" >nul 2>nul
if not errorlevel 1 goto :no_tool
echo Python is niet gevonden op deze computer, dus kto-ingest kan niet starten.
echo Installeer Python 3.11 of nieuwer van https://www.python.org/downloads/ (vink
echo "Add python.exe to PATH" aan) en daarna kto-ingest; zie de README, "Op Windows".
goto :wait
:no_tool
echo Python is er, maar kto-ingest is niet geinstalleerd voor die Python.
echo Installeer het met pipx; de stappen staan in de README onder "Op Windows".
:wait
echo.
pause
if defined KTO_FROM_EXPLORER exit 9009
exit /b 9009
