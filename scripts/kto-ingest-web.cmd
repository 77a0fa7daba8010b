@echo off
rem Windows: dubbelklik om de KTO-controle in de webbrowser te openen (kto-ingest serve --open).
rem De pagina werkt zolang dit venster open is; sluit het venster om te stoppen. De pagina is
rem alleen op deze computer te openen (http://127.0.0.1:8765).
setlocal EnableExtensions DisableDelayedExpansion
set "KTO_RUN="
where kto-ingest >nul 2>nul
if not errorlevel 1 set "KTO_RUN=kto-ingest serve --open"
if not defined KTO_RUN (
  py -3 -c "import kto_ingest" >nul 2>nul
  if not errorlevel 1 set "KTO_RUN=py -3 -m kto_ingest serve --open"
)
if not defined KTO_RUN (
  python -c "import kto_ingest" >nul 2>nul
  if not errorlevel 1 set "KTO_RUN=python -m kto_ingest serve --open"
)
if not defined KTO_RUN goto :missing
echo De KTO-controle wordt geopend in uw webbrowser.
echo Laat dit venster open zolang u de pagina gebruikt; sluit het om te stoppen.
echo.
%KTO_RUN%
if errorlevel 1 goto :failed
exit /b 0

:failed
echo.
echo kto-ingest is gestopt met een fout; zie de melding hierboven.
goto :wait

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
exit /b 9009
