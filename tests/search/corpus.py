# ruff: noqa: E501  (one sentence per language a line reads better than wrapped strings)
"""A small judged corpus: works in the site languages, and what a reader should find.

JUDGED maps a language to (query, expected works): the expected works must be the first
results, in any order among themselves. The texts are written for these tests.
"""

from __future__ import annotations

import datetime as dt

WORKS = {
    "imperialism": {
        "kind": "statement",
        "date": dt.date(2022, 3, 1),
        "texts": {
            "en": ("Against imperialism and war", "The workers of the region stand together against imperialism. Imperialist wars destroy our cities."),
            "tr": ("Savaşa karşı birlik", "Bölgenin işçileri emperyalizmin savaşlarına karşı birlikte duruyor. Savaşlar kentlerimizi yıkıyor."),
            "ar": ("ضد الإمبريالية والحرب", "يقف عمال المنطقة معاً ضد الإمبريالية. الحروب الإمبريالية تدمر مدننا."),
            "fa": ("علیه امپریالیسم و جنگ", "کارگران منطقه با هم علیه امپریالیسم ایستاده‌اند. جنگ‌های امپریالیستی شهرهای ما را ویران می‌کنند."),
            "el": ("Ενάντια στον ιμπεριαλισμό και τον πόλεμο", "Οι εργάτες της περιοχής στέκονται μαζί ενάντια στον ιμπεριαλισμό. Οι ιμπεριαλιστικοί πόλεμοι καταστρέφουν τις πόλεις μας."),
            "es": ("Contra el imperialismo y la guerra", "Los trabajadores de la región se unen contra el imperialismo. Las guerras imperialistas destruyen nuestras ciudades."),
            "fr": ("Contre l'impérialisme et la guerre", "Les travailleurs de la région s'unissent contre l'impérialisme. Les guerres impérialistes détruisent nos villes."),
            "it": ("Contro l'imperialismo e la guerra", "I lavoratori della regione si uniscono contro l'imperialismo. Le guerre imperialiste distruggono le nostre città."),
            "pt": ("Contra o imperialismo e a guerra", "Os trabalhadores da região unem-se contra o imperialismo. As guerras imperialistas destroem as nossas cidades."),
            "hy": ("Ընդդեմ իմպերիալիզմի և պատերազմի", "Տարածաշրջանի աշխատավորները միասին են ընդդեմ իմպերիալիզմի։ Իմպերիալիստական պատերազմները ավերում են մեր քաղաքները։"),
            "ku": ("Li dijî împeryalîzmê û şer", "Karkerên herêmê bi hev re li dijî împeryalîzmê radiwestin. Şerên împeryalîst bajarên me wêran dikin."),
        },
    },
    "strike": {
        "kind": "article",
        "date": dt.date(2023, 6, 12),
        "texts": {
            "en": ("Dock workers strike", "The dock workers of the port went on strike in 2023 for higher wages. The strike lasted ten days."),
            "tr": ("Liman işçileri greve çıktı", "Limandaki işçiler 2023 yılında daha yüksek ücret için greve çıktı. Grev on gün sürdü."),
            "ar": ("إضراب عمال الميناء", "أضرب عمال الميناء عام ٢٠٢٣ من أجل أجور أعلى. استمر الإضراب عشرة أيام."),
            "fa": ("اعتصاب کارگران بندر", "کارگران بندر در سال ۲۰۲۳ برای دستمزد بیشتر اعتصاب کردند. اعتصاب ده روز طول کشید."),
            "el": ("Απεργία των λιμενεργατών", "Οι λιμενεργάτες απήργησαν το 2023 για υψηλότερους μισθούς. Η απεργία κράτησε δέκα ημέρες."),
            "es": ("Huelga de los estibadores", "Los estibadores del puerto fueron a la huelga en 2023 por salarios más altos. La huelga duró diez días."),
            "fr": ("Grève des dockers", "Les dockers du port se sont mis en grève en 2023 pour de meilleurs salaires. La grève a duré dix jours."),
            "it": ("Sciopero dei portuali", "I portuali hanno scioperato nel 2023 per salari più alti. Lo sciopero è durato dieci giorni."),
            "pt": ("Greve dos estivadores", "Os estivadores do porto entraram em greve em 2023 por salários mais altos. A greve durou dez dias."),
            "hy": ("Նավահանգստի բանվորների գործադուլը", "Նավահանգստի բանվորները 2023 թվականին գործադուլ արեցին ավելի բարձր աշխատավարձի համար։"),
            "ku": ("Greva karkerên benderê", "Karkerên benderê di sala 2023an de ji bo mûçeyên bilindtir ketin grevê."),
        },
    },
    "tr-forms-1": {"kind": "article", "date": dt.date(2020, 1, 5), "texts": {"tr": ("Notlar", "Emperyalizm bugün de sürüyor.")}},
    "tr-forms-2": {"kind": "article", "date": dt.date(2020, 2, 5), "texts": {"tr": ("Dayanışma", "Halklar emperyalizme karşı dayanışıyor.")}},
    "tr-forms-3": {"kind": "article", "date": dt.date(2020, 3, 5), "texts": {"tr": ("Bildiri", "EMPERYALİZM VE SAVAŞ ÜZERİNE.")}},
    "water-title": {"kind": "report", "date": dt.date(2019, 4, 1), "texts": {"en": ("Water for the villages", "A report on the villages of the plain.")}},
    "water-body": {"kind": "report", "date": dt.date(2024, 4, 1), "texts": {"en": ("The plain in summer", "The villages of the plain have had no water since June.")}},
    "twin-old": {"kind": "communique", "date": dt.date(2018, 1, 1), "texts": {"en": ("Solidarity greetings", "Solidarity with the miners.")}},
    "twin-new": {"kind": "communique", "date": dt.date(2021, 1, 1), "texts": {"en": ("Solidarity greetings", "Solidarity with the miners.")}},
}  # fmt: skip

JUDGED = {
    "tr": [
        ("emperyalizmin", {"imperialism", "tr-forms-1", "tr-forms-2", "tr-forms-3"}),
        ("EMPERYALİZM", {"imperialism", "tr-forms-1", "tr-forms-2", "tr-forms-3"}),
        ("liman işçileri", {"strike"}),
        ("grev", {"strike"}),
    ],
    "en": [
        ("imperialist", {"imperialism"}),
        ('"dock workers"', {"strike"}),
        ("workers -strike", {"imperialism"}),
        ("water", {"water-title"}),
        ("solidarity miners", {"twin-new"}),
    ],
    "ar": [
        ("الامبريالية", {"imperialism"}),
        ("الإمبرياليه", {"imperialism"}),
        ("الإمبريالِيّة", {"imperialism"}),
        ("اضراب", {"strike"}),
        ("2023", {"strike"}),
    ],
    "fa": [
        ("امپريالیسم", {"imperialism"}),
        ("ایستادهاند", {"imperialism"}),
        ("كارگران بندر", {"strike"}),
        ("2023", {"strike"}),
    ],
    "el": [
        ("ΙΜΠΕΡΙΑΛΙΣΜΟΣ", {"imperialism"}),
        ("πολεμος", {"imperialism"}),
        ("απεργια", {"strike"}),
    ],
    "es": [("imperialismo", {"imperialism"}), ("huelgas", {"strike"})],
    "fr": [("imperialisme", {"imperialism"}), ("greves", {"strike"})],
    "it": [("imperialista", {"imperialism"}), ("scioperi", {"strike"})],
    "pt": [("imperialismos", {"imperialism"}), ("greves", {"strike"})],
    "hy": [("ԻՄՊԵՐԻԱԼԻԶՄ", {"imperialism"}), ("գործադուլ", {"strike"})],
    "ku": [("IMPERYALIZM", {"imperialism"}), ("grev", {"strike"})],
}
