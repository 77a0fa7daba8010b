"""Build the jobcoaching layout tests' PDFs that need a real word processor (LibreOffice's HTML
import), which CI may not have:

    python tests/data/jobcoaching/make.py     # rewrites the PDFs next to this file

centred-answers.pdf: an answer table whose questions wrap over two or three lines in a narrow
question column, the counts level with the middle line (LibreOffice centres the cells), a lead-in
row between the questions (four of the form's questions, so that the table stays on its page).
Every name and number is invented for the test.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from corpus.model import WG_Q, WG_SCALE, WN_Q, WN_SCALE  # noqa: E402
from corpus.render import Doc, Para, Table, produce  # noqa: E402

WN_COUNTS = {WN_Q[0]: (0, 2, 3), WN_Q[1]: (1, 1, 3)}
WG_COUNTS = {q: (k % 2, (k + 1) % 3, 1 + k % 2, 6 - k % 2 - (k + 1) % 3 - k % 2) for k, q in enumerate(WG_Q[:4])}


def doc() -> Doc:
    wg_rows = []
    for k, (q, c) in enumerate(WG_COUNTS.items()):
        if k == 0:
            wg_rows.append(["Wat is uw mening over:", "", "", "", ""])
        if k == 3:
            wg_rows.append(["Wat vindt u van de aandacht van de jobcoach voor:", "", "", "", ""])
        wg_rows.append([q, *map(str, c)])
    return Doc([
        Para("Rapportage klanttevredenheid jobcoaching", "title"),
        Para("Jobcoachorganisatie: Jobcoaching Middenstroom", "cover"),
        Para("Datum erkenning: 4-2-2016", "cover"),
        Para("Meetperiode: 04-02-2020 t/m 04-02-2021", "cover"),
        Para("Datum rapportage: 18-2-2021", "cover"),
        Para("Weergave vragen", "h1"),
        Para("Werknemer (schaal: nee – niet helemaal – ja)"),
        Table(header=[["Vraag"] + WN_SCALE], body=[[q, *map(str, c)] for q, c in WN_COUNTS.items()], ruled=False,
              widths=[2.2, 1, 1, 1]),
        Para("Werkgever (schaal: onvoldoende – matig – voldoende – goed)"),
        Table(header=[["Vraag"] + WG_SCALE], body=wg_rows, ruled=False, widths=[2.6, 1, 1, 1, 1]),
        Para("Weergave cijfers", "h1"),
        Table(header=[["Werknemer", "Cijfer werknemer", "Werkgever", "Cijfer werkgever"]],
              body=[["Werknemer A", "8,0", "Werkgever 1", "7,5"], ["Werknemer B", "7,0", "Werkgever 2", "8,5"],
                    ["Behaald cijfer", "7,5", "", "8,0"]]),
        Para("Analyse van de resultaten", "h1"),
        Para("De werknemers en werkgevers zijn tevreden. Conclusie: de begeleiding wordt gewaardeerd. Actie: vaker bezoeken."),
    ], title="Rapportage klanttevredenheid jobcoaching")


if __name__ == "__main__":
    work = Path(tempfile.mkdtemp())
    try:
        produce(doc(), "lo-html", HERE / "centred-answers.pdf", work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
