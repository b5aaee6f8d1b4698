"""Real texts shared by the ingest tests: the seed pages, and a traditional-script report."""

from __future__ import annotations

from pathlib import Path

SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))
SEED_TEXT = SEEDS[0].read_text(encoding="utf-8")

# Written in traditional characters as a Taiwan or Hong Kong page would be; Big5-encodable.
TRADITIONAL_TEXT = (
    "本報訊 近日，臺北市政府召開市政會議，市長主持會議並講話。會議聽取了各區關於推動經濟"
    "發展、改善民生工作的匯報，強調要堅持以人民為中心，紮實做好防災減災、交通建設和社會"
    "福利等各項工作。\n會議指出，各部門要進一步轉變作風，加強協調聯動，確保各項決策部署"
    "落到實處。副市長、祕書長及各局處負責人出席會議。\n"
)

# A headline whose GBK bytes are also valid Big5: only the characters tell the codecs apart.
AMBIGUOUS_HEADLINE = "中原区领导带队赴卢氏县开展结对帮扶工作"
