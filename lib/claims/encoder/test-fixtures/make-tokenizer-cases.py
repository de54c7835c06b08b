import json
from transformers import AutoTokenizer
tok = AutoTokenizer.from_pretrained('/work/main/training/out/smoke/public')
texts = [
 "Hello, world!", "HELLO World", "naïve café résumé", "ΟΔΥΣΣΕΥΣ ΚΑΙ ΠΗΝΕΛΟΠΗ", "ΣΟΦΟΣ Σ", "İstanbul ŞEHİR",
 "Straße ß ẞ", "ﬁnance ﬂow", "½ ¼ ² ³ ™ ©", "中文字符和English混合", "日本語のテキスト、カタカナ。", "한국어 문장입니다.",
 "𠀀𪜀 rare CJK", "emoji 👍🏽 👨‍👩‍👧 ❤️", "zero\u200bwidth\u200djoiner", "soft\u00adhyphen", "tab\tnew\nline\rcr",
 "nbsp\u00a0here and\u2009thin\u3000ideo", "line\u2028sep\u2029para", "ctrl\u0007bell\u0000nul\ufffdrepl", "bom\ufeffstart",
 "U.S.A. e.g. i.e.", "it's o'clock — don’t “quote” «guillemets» ‹x›", "$1,000.50 €20 £3 ¥4 ₹5", "50% 3.5% -12 +7 ±1",
 "user@example.com http://example.com/a?b=c#d", "C++ C# F# .NET", "a-b_c/d\\e|f~g`h^i", "(parens) [brackets] {braces} <angles>",
 "well...really?!", "x" * 120, "a" * 99 + "b", "antidisestablishmentarianism", "COVID-19 SARS-CoV-2", "5G 4K 1080p",
 "mRNA vaccines", "Dr. Smith's 2nd-floor office", "ﾊﾝｶｸ ｶﾀｶﾅ", "Ａ full-width ＡＢＣ １２３", "Ångström Øre Æsir œuvre",
 "Tiếng Việt có dấu", "العربية نص", "עברית טקסט", "हिन्दी पाठ", "ไทย ภาษา", "Ελληνικά με τόνους: άέήίόύώ ϊϋΐΰ",
 "Кириллица: Ёлка Йод", "combining e\u0301 a\u0308", "\u0130\u0131 dotted", "Ⅻ roman numeral", "…ellipsis", "†‡§¶•",
 "", "   ", "\u00a0", "[CLS] [SEP] [UNK] [MASK]", "unaffable", "running jumped", "123456789012345678901234567890",
 "¿Qué? ¡Sí!", "word—word–word-word", "«Le Monde» a écrit : « c'est faux ».", "₂ CO₂ H₂O", "x² + y² = z²",
]
cases = []
for t in texts:
    ids = tok(t, truncation=True, max_length=64)["input_ids"]
    cases.append({"text": t, "input_ids": ids})
json.dump({"source": "transformers BertTokenizerFast (all-MiniLM-L6-v2 vocab), maxLength 64", "cases": cases}, open('/work/main/lib/claims/encoder/test-fixtures/tokenizer-extra-cases.json','w'), ensure_ascii=False, indent=0)
print(len(cases))
