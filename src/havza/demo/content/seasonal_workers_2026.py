"""An article on seasonal farmworkers, written in Kurmanji; its Persian translation is a draft."""

from __future__ import annotations

import datetime as dt

from havza.demo.content.schema import Text, WorkData, org, person

WORK = WorkData(
    uid="7a5e1b93-c8d2-4f07-b3a6-2026021000b8",
    kind="article",
    original_language="ku",
    published_on=dt.date(2026, 2, 10),
    topics=("farmworkers", "health-and-safety"),
    authors=(person("rojda-bilgin"), org("kkd")),
    texts={
        "ku": Text(
            title="Berî demsalê: daxwazên karkerên demsalî ji bo 2026an",
            body="""\
Her sal di meha gulanê de bi hezaran malbat ji Rihayê, ji Mêrdînê û ji Semsûrê bi rê dikevin. \
Ew heta payîzê li zeviyên pembû, li baxçeyên findiqan û li serayan dixebitin, bi zarokên xwe \
re, di konên bê av û bê elektrîk de.

Komeleya Karkerên Demsalî zivistana borî li 14 gundan civîn li dar xistin. Karkeran sê \
daxwazên sereke diyar kirin:

- peymana kar a nivîskî, bi navê her karkerî, ne tenê bi navê elçî;
- veguhestina ewle: êdî rêwîtî li pişt kamyonan tune;
- dibistanên demsalî ji bo zarokan, li nêzî zeviyan.

“Em ne mêvan in, em karker in,” dibêje Zozan, ku 23 sal in findiqan berhev dike. “Findiqa ku \
li hemû cîhanê tê xwarin, bi destên me tê berhevkirin.”

Komele bang li sendîkayên Tirkiyeyê û li tora me ya navneteweyî dike ku berî destpêka demsalê \
van daxwazan bi hev re bidin pêş.
""",
        ),
        "tr": Text(
            title="Sezondan önce: mevsimlik tarım işçilerinin 2026 talepleri",
            translator="Rojda Bilgin",
            body="""\
Her yıl mayıs ayında Urfa'dan, Mardin'den ve Adıyaman'dan binlerce aile yola çıkar. \
Sonbahara kadar pamuk tarlalarında, fındık bahçelerinde ve seralarda, çocuklarıyla birlikte, \
susuz ve elektriksiz çadırlarda kalarak çalışırlar.

Mevsimlik İşçiler Derneği geçen kış 14 köyde toplantılar düzenledi. İşçiler üç temel talep \
belirledi:

- yalnızca elçinin değil, her işçinin adına düzenlenmiş yazılı bir iş sözleşmesi;
- güvenli ulaşım: artık kamyon kasalarında yolculuk yok;
- tarlaların yakınında çocuklar için mevsimlik okullar.

“Biz misafir değiliz, işçiyiz,” diyor 23 yıldır fındık toplayan Zozan. “Bütün dünyada yenen \
fındık bizim ellerimizle toplanıyor.”

Dernek, Türkiye'deki sendikalara ve uluslararası ağımıza, sezon başlamadan bu talepleri birlikte \
ileri taşıma çağrısı yapıyor.
""",
        ),
        "en": Text(
            title="Before the season: what seasonal farmworkers ask for in 2026",
            translator="Rojda Bilgin",
            body="""\
Every year in May, thousands of families set out from Urfa, Mardin and Adıyaman. Until autumn \
they work in cotton fields, hazelnut groves and greenhouses, with their children, living in \
tents without water or electricity.

Last winter the Seasonal Workers' Association held meetings in 14 villages. The workers agreed \
on three main demands:

- a written employment contract in the name of every worker, not only in that of the labour \
broker (*elçi*);
- safe transport: no more riding in the back of lorries;
- seasonal schools for the children, close to the fields.

“We are not guests, we are workers,” says Zozan, who has been picking hazelnuts for 23 years. \
“The hazelnuts eaten all over the world are picked by our hands.”

The association calls on the unions of Turkey and on our international network to push these \
demands together before the season begins.
""",
        ),
        "fa": Text(
            title="پیش از فصل: خواسته‌های کارگران فصلی کشاورزی برای ۲۰۲۶",
            translator="Shirin Nikpour",
            draft=True,
            body="""\
هر سال در ماه مه، هزاران خانواده از اورفه، ماردین و آدیامان راهی می‌شوند. آنان تا پاییز در \
کشتزارهای پنبه، باغ‌های فندق و گلخانه‌ها کار می‌کنند، همراه فرزندانشان، در چادرهایی بی‌آب و \
بی‌برق.

انجمن کارگران فصلی زمستان گذشته در ۱۴ روستا نشست برگزار کرد. کارگران سه خواستهٔ اصلی را \
مشخص کردند:

- قرارداد کتبی کار به نام هر کارگر، نه فقط به نام واسطهٔ کار؛
- حمل‌ونقل ایمن: دیگر سفر در پشت کامیون، نه؛
- مدرسه‌های فصلی برای کودکان، در نزدیکی کشتزارها.
""",
        ),
    },
)
