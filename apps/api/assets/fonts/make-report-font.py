"""Rebuilds ReportSansSC-Regular.otf, the font the server's PDFs are set in.

Needs fontTools (Debian: python3-fonttools) and Noto Sans CJK (Debian: fonts-noto-cjk):
    python3 make-report-font.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

Keeps every character GBK encodes (all 20,902 CJK Unified Ideographs U+4E00-U+9FA5 among them),
ASCII, Latin-1 and the punctuation and symbols Chinese text uses; drops hinting and every layout
feature but kerning (PDFs set horizontal text only). The family is renamed (a modified version
of an OFL font; "Noto" is Google's trademark).
"""
import sys
from fontTools import subset
from fontTools.ttLib import TTFont

source = sys.argv[1]
target = "ReportSansSC-Regular.otf"
family, postscript = "Resettle Report Sans SC", "ResettleReportSansSC-Regular"

ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2100, 0x21FF), (0x2460, 0x24FF),
          (0x2500, 0x257F), (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]
unicodes = {c for lo, hi in ranges for c in range(lo, hi + 1)}
for c in range(0x2E80, 0xA000):
    try:
        chr(c).encode("gbk")
        unicodes.add(c)
    except UnicodeEncodeError:
        pass

options = subset.Options()
options.font_number = 2  # Noto Sans CJK SC in the collection
options.hinting = False
options.layout_features = ["kern"]
options.name_IDs = ["*"]
font = subset.load_font(source, options)
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=unicodes)
subsetter.subset(font)

for record in font["name"].names:
    if record.nameID in (1, 16):
        record.string = family
    elif record.nameID in (2, 17):
        record.string = "Regular"
    elif record.nameID == 4:
        record.string = f"{family} Regular"
    elif record.nameID == 6:
        record.string = postscript
    elif record.nameID == 3:
        record.string = f"{postscript};subset of NotoSansCJKsc-Regular"
cff = font["CFF "].cff
cff.fontNames = [postscript]
top = cff.topDictIndex[0]
top.FullName, top.FamilyName = f"{family} Regular", family
subset.save_font(font, target, options)
print(target, len(font.getGlyphOrder()), "glyphs")
