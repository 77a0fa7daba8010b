"""Build the reader's test PDFs with real producers: headless Chromium and LibreOffice.

    python tests/data/reader/make.py          # rewrites the PDFs next to this file

The PDFs are committed (CI may not have LibreOffice); this script documents how they were made.
Every report is fictitious: bureaus, suppliers and numbers are invented for the tests, in the
wordings and layouts other bureaus use (not Panteia's or Klantstem's).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

CSS_RULED = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }
table { border-collapse: collapse; margin: 6pt 0; }
td, th { border: 0.75pt solid #333; padding: 2pt 5pt; }
th { background: #dde; font-weight: bold; }
td.l { width: 120pt; }
td.n, th.n { text-align: right; }
"""

COVER = """
<p style="font-size:14pt"><b>{bureau}</b></p>
<h1>{title}</h1>
{cover}
"""

RULED = """<html><head><meta charset="utf-8"><style>{css}</style></head><body>
<p style="font-size:13pt"><b>Peilwerk Onderzoek &amp; Advies</b></p>
<h1>Klanttevredenheidsonderzoek scholingsdiensten 2021</h1>
<p>Uitgevoerd voor: Leerhuis Oost B.V.</p>
<p>Onderzoeksperiode: 1 januari t/m 31 december 2021</p>
<p>Datum rapportage:</p>
<p>14 februari 2022</p>
<p>Versie: definitief</p>
<h2>1 Verantwoording</h2>
<p>Alle klanten van wie de scholing in 2021 is beëindigd zijn per e-mail uitgenodigd; na twee weken volgde een herinnering.
In totaal 171 klanten zijn uitgenodigd voor het onderzoek.</p>
<h2>2 Resultaten per perceel en cluster</h2>
<p>Tabel 2 Respons en gemiddeld cijfer</p>
<table>
<tr><th></th><th class="n">Netto<br>steekpr.</th><th class="n">Resp.</th><th class="n">Respons</th><th class="n">Gemiddeld<br>rapport-<br>cijfer</th></tr>
<tr><td class="l">Opleidingen</td><td class="n">120</td><td class="n">48</td><td class="n">40,0%</td><td class="n">8,1</td></tr>
<tr><td class="l">Functiegerichte vaardigheidstrainingen, cluster Techniek, ICT en logistiek</td><td class="n">30</td><td class="n">9</td><td class="n">30,0%</td><td class="n">8,4</td></tr>
<tr><td class="l">Ervaringscertificaten</td><td class="n">21</td><td class="n">0</td><td class="n">0,0%</td><td class="n">n.v.t.</td></tr>
<tr><td class="l">Totaal</td><td class="n">171</td><td class="n">57</td><td class="n">33,3%</td><td class="n">8,2</td></tr>
</table>
<p>Wat vindt u van de opleiding als geheel?</p>
<p style="margin-top:30pt">Met vriendelijke groet,<br>namens Peilwerk Onderzoek &amp; Advies<br>drs. A. de Vries</p>
</body></html>"""

TRANSPOSED = """<html><head><meta charset="utf-8"><style>@page {{ size: A4 landscape; }} {css}</style></head><body>
<p><b>Bureau Inzicht B.V.</b></p>
<h1>Klanttevredenheid 2021 – Vakopleidingen Zuid</h1>
<p>Opdrachtgever: Vakopleidingen Zuid</p>
<p>De periode van meting is januari tot en met december 2021.</p>
<p>Datum: 3 februari 2022</p>
<p>Tabel 1 Resultaten per perceel</p>
<table>
<tr><th>Maat</th><th>Opleidingen</th><th>Leerbanen</th><th>FVT cluster Zorg</th><th>Totaal</th></tr>
<tr><td>Uitgenodigd</td><td class="n">64</td><td class="n">12</td><td class="n">25</td><td class="n">101</td></tr>
<tr><td>Respondenten</td><td class="n">32</td><td class="n">5</td><td class="n">10</td><td class="n">47</td></tr>
<tr><td>Responspercentage</td><td class="n">50,0</td><td class="n">41,7</td><td class="n">40,0</td><td class="n">46,5</td></tr>
<tr><td>Gemiddeld cijfer</td><td class="n">8,3</td><td class="n">7,9</td><td class="n">8,0</td><td class="n">8,2</td></tr>
</table>
</body></html>"""

CSS_PLAIN = """
body { font-family: 'DejaVu Serif', serif; font-size: 10pt; }
table { border-collapse: collapse; margin: 6pt 0; }
td, th { padding: 1pt 8pt; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; }
"""

JOINED = """<html><head><meta charset="utf-8"><style>{css}</style></head><body>
<p>Meetwaarde Research</p>
<h1>Evaluatie dienstverlening Werkstap Opleidingen</h1>
<p>In opdracht van Werkstap Opleidingen</p>
<p>Concept</p>
<p>Utrecht, 28 februari 2022</p>
<h2>2 Methodologische verantwoording</h2>
<p>De meetperiode loopt van 01-01-2021 tot en met 31-12-2021. Deelnemers zijn schriftelijk benaderd.</p>
<table>
<tr><th>Perceel</th><th class="n">Benaderd</th><th class="n">Deelgenomen</th><th class="n">Respons (%)</th></tr>
<tr><td>Opleidingen</td><td class="n">80</td><td class="n">36</td><td class="n">45,0</td></tr>
<tr><td>Leerbanen</td><td class="n">15</td><td class="n">6</td><td class="n">40,0</td></tr>
<tr><td>Totaal</td><td class="n">95</td><td class="n">42</td><td class="n">44,2</td></tr>
</table>
<h2>3 Uitkomsten</h2>
<p>Hieronder staat per perceel het gemiddelde rapportcijfer dat deelnemers gaven.</p>
<table>
<tr><th>Perceel</th><th class="n">Rapportcijfer</th></tr>
<tr><td>Opleidingen</td><td class="n">7,6</td></tr>
<tr><td>Leerbanen</td><td class="n">8,2</td></tr>
<tr><td>Totaal</td><td class="n">7,7</td></tr>
</table>
</body></html>"""

LONG_ROWS = "\n".join(
    f'<tr><td>Functiegerichte vaardigheidstrainingen cluster {n}</td><td class="n">{b}</td><td class="n">{i}</td>'
    f'<td class="n">{100 * i / b:.1f}'.replace(".", ",") + f'</td><td class="n">{c}</td></tr>'
    for n, b, i, c in [(f"Vakgebied {k:02d}", 20 + k, 5 + (k % 7), f"{7 + (k % 3) * 0.5:.1f}".replace(".", ",")) for k in range(1, 49)]
)
LONG_TOTAL_B = sum(20 + k for k in range(1, 49))
LONG_TOTAL_I = sum(5 + (k % 7) for k in range(1, 49))

CONTINUED = """<html><head><meta charset="utf-8"><style>{css}</style></head><body>
<p>Onderzoeksgroep Noordkaap</p>
<h1>Klanttevredenheidsonderzoek 2021 Technisch Leercentrum</h1>
<p>Leverancier: Technisch Leercentrum</p>
<p>Meetperiode: kalenderjaar 2021</p>
<p>Datum: 11-02-2022</p>
<p>Tabel 3.1 Respons en cijfer per cluster</p>
<table>
<thead><tr><th>Cluster</th><th class="n">Netto steekproef</th><th class="n">Ingevuld</th><th class="n">Respons %</th><th class="n">Rapportcijfer</th></tr></thead>
<tbody>
{rows}
<tr><td>Totaal</td><td class="n">{tb}</td><td class="n">{ti}</td><td class="n">{tp}</td><td class="n">7,5</td></tr>
</tbody>
</table>
</body></html>"""


def chromium(html: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "x.html"
        src.write_text(html, "utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={out}", str(src)], check=True, capture_output=True, timeout=120)


def libreoffice(html: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (out.stem + ".html")
        src.write_text(html, "utf-8")
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/lo", "--convert-to", "pdf:writer_pdf_Export",
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=180)
        shutil.copy(Path(tmp) / (out.stem + ".pdf"), out)


def main() -> int:
    chromium(RULED.format(css=CSS_RULED), HERE / "chromium-ruled.pdf")
    libreoffice(RULED.format(css=CSS_RULED), HERE / "lo-ruled.pdf")
    chromium(TRANSPOSED.format(css=CSS_RULED), HERE / "chromium-transposed-landscape.pdf")
    chromium(JOINED.format(css=CSS_PLAIN), HERE / "chromium-joined-borderless.pdf")
    pct = f"{100 * LONG_TOTAL_I / LONG_TOTAL_B:.1f}".replace(".", ",")
    cont = CONTINUED.format(css=CSS_RULED, rows=LONG_ROWS, tb=LONG_TOTAL_B, ti=LONG_TOTAL_I, tp=pct)
    libreoffice(cont, HERE / "lo-continued.pdf")
    chromium(cont, HERE / "chromium-continued.pdf")
    # a jobcoaching report in UWV's rapportageformat, filled in differently from the seed
    chromium((HERE / "jobcoach-anders.html").read_text("utf-8"), HERE / "jobcoach-anders.pdf")
    # the same format, numbered rows, 'Erkenningsdatum', a question cut by the page break
    chromium((HERE / "jobcoach-genummerd.html").read_text("utf-8"), HERE / "jobcoach-genummerd.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
