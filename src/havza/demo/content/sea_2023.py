"""A statement on rescue at sea, written in Greek by fishers' and sea workers' organizations."""

from __future__ import annotations

import datetime as dt

from havza.demo.content.schema import Text, WorkData, org

# Article 98 ("Duty to render assistance") is in Part VII of the convention.
UNCLOS = "https://www.un.org/depts/los/convention_agreements/texts/unclos/part7.htm"

WORK = WorkData(
    uid="9e4a7c21-5b8d-4e2f-a1c3-2023062000c3",
    kind="statement",
    original_language="el",
    published_on=dt.date(2023, 6, 20),
    topics=("migration", "international-solidarity", "ports-and-dockworkers"),
    authors=(org("eaa"), org("uptm")),
    texts={
        "el": Text(
            title="Η θάλασσα δεν είναι σύνορο",
            subtitle="Δήλωση για τα ναυάγια στη Μεσόγειο, Παγκόσμια Ημέρα Προσφύγων 2023",
            body=f"""\
Οι ψαράδες γνωρίζουν τη θάλασσα καλύτερα από τον καθένα. Ξέρουν ότι μια βάρκα που κινδυνεύει \
δεν μπορεί να περιμένει μια κυβέρνηση να αποφασίσει σε ποια ύδατα βρίσκεται. Γι' αυτό \
πληρώματα αλιευτικών από το Αιγαίο και τον κόλπο του Γκαμπές έχουν βγάλει ξανά και ξανά \
ανθρώπους από το νερό — και γι' αυτό κάποιοι από αυτούς έχουν ανακριθεί, έχουν πληρώσει \
πρόστιμα ή έχουν συρθεί στα δικαστήρια.

Το καθήκον της βοήθειας είναι παλαιότερο από κάθε καθεστώς συνόρων. Είναι γραμμένο στο ίδιο το \
δίκαιο της θάλασσας: το [άρθρο 98 της Σύμβασης των Ηνωμένων Εθνών για το Δίκαιο της \
Θάλασσας]({UNCLOS}) υποχρεώνει κάθε πλοίαρχο να παρέχει βοήθεια σε «οποιοδήποτε πρόσωπο βρεθεί \
στη θάλασσα σε κίνδυνο να χαθεί». Αυτόν τον νόμο τον παραβιάζει όποιος τιμωρεί μια διάσωση, \
*όχι* όποιος διασώζει.

Πόσες βάρκες ακόμη πρέπει να βυθιστούν για να αντιμετωπίζεται η διάσωση ως καθήκον και όχι ως \
έγκλημα; Δεν θα περιμένουμε την απάντηση. Τα μέλη μας στα λιμάνια του Αιγαίου και της Τυνησίας \
θα **αρνηθούν να χρησιμοποιηθούν για επαναπροωθήσεις**, θα καταγράφουν κάθε περιστατικό που \
βλέπουν και θα στέκονται δίπλα σε κάθε πλήρωμα που διώκεται επειδή έσωσε ζωές.

Οι άνθρωποι σε αυτές τις βάρκες είναι εργάτες, φοιτητές, γονείς. Είναι οι αυριανοί συνάδελφοί \
μας στις αποβάθρες, στα χωράφια και στις οικοδομές. Η αλληλεγγύη σε αυτούς είναι αλληλεγγύη \
στον εαυτό μας.
""",
        ),
        "en": Text(
            title="The sea is not a border",
            subtitle="Statement on the shipwrecks in the Mediterranean, World Refugee Day 2023",
            translator="Nikos Karalis",
            body=f"""\
Fishers know the sea better than anyone. They know that a boat in distress cannot wait for a \
government to decide whose waters it is in. That is why fishing crews from the Aegean and the \
Gulf of Gabès have pulled people out of the water again and again — and why some of them have \
been questioned, fined or dragged before the courts for it.

The duty to help is older than any border regime. It is written into the law of the sea \
itself: [Article 98 of the United Nations Convention on the Law of the Sea]({UNCLOS}) requires \
every master of a ship to render assistance to “any person found at sea in danger of being \
lost”. Whoever punishes a rescue breaks that law, *not* the one who rescues.

How many more boats must sink before rescue is treated as a duty and not as a crime? We will \
not wait for the answer. Our members in the ports of the Aegean and of Tunisia will **refuse \
to be used for pushbacks**, will document every incident they witness, and will stand by every \
crew prosecuted for saving lives.

The people on those boats are workers, students, parents. They are our colleagues of tomorrow \
on the docks, in the fields and on the building sites. Solidarity with them is solidarity with \
ourselves.
""",
        ),
        "tr": Text(
            title="Deniz bir sınır değildir",
            subtitle="Akdeniz'deki batan tekneler üzerine açıklama, Dünya Mülteciler Günü 2023",
            translator="Derya Aksoy",
            body=f"""\
Balıkçılar denizi herkesten iyi tanır. Tehlikedeki bir teknenin, hangi ülkenin sularında \
olduğuna bir hükümetin karar vermesini bekleyemeyeceğini bilirler. Bu yüzden Ege'den ve Gabes \
Körfezi'nden balıkçı tayfaları defalarca insanları sudan çıkardı — ve bu yüzden bazıları \
sorgulandı, para cezasına çarptırıldı ya da mahkemelere sürüklendi.

Yardım etme yükümlülüğü her sınır rejiminden daha eskidir. Deniz hukukunun kendisinde \
yazılıdır: [Birleşmiş Milletler Deniz Hukuku Sözleşmesi'nin 98. maddesi]({UNCLOS}) her gemi \
kaptanını “denizde kaybolma tehlikesiyle karşı karşıya bulunan herkese” yardım etmekle yükümlü \
kılar. Bu hukuku çiğneyen, bir kurtarmayı cezalandıran kişidir; kurtaran *değil*.

Kurtarmanın suç değil görev sayılması için daha kaç teknenin batması gerekiyor? Cevabı \
beklemeyeceğiz. Ege ve Tunus limanlarındaki üyelerimiz **geri itmeler için kullanılmayı \
reddedecek**, tanık oldukları her olayı belgeleyecek ve hayat kurtardığı için yargılanan her \
tayfanın yanında duracak.

O teknelerdeki insanlar işçiler, öğrenciler, anneler ve babalardır. Rıhtımlarda, tarlalarda ve \
şantiyelerde yarının iş arkadaşlarıdır. Onlarla dayanışma, kendimizle dayanışmadır.
""",
        ),
        "ar": Text(
            title="البحر ليس حدودًا",
            subtitle="بيان حول حوادث الغرق في المتوسط، اليوم العالمي للاجئين 2023",
            translator="Karim Ben Salah",
            body=f"""\
يعرف الصيادون البحر أكثر من أي أحد. يعرفون أن قاربًا في خطر لا يستطيع أن ينتظر حكومةً تقرّر \
في مياه مَن يقع. لهذا انتشلت طواقم صيد من بحر إيجه ومن خليج قابس الناسَ من الماء مرة بعد \
مرة، ولهذا أيضًا استُجوب بعضهم أو غُرّم أو جُرّ إلى المحاكم.

واجب الإغاثة أقدم من أي نظام للحدود، وهو مكتوب في قانون البحار نفسه: فـ[المادة 98 من اتفاقية \
الأمم المتحدة لقانون البحار]({UNCLOS}) تُلزم كل ربّان سفينة بتقديم المساعدة إلى «أي شخص يوجد \
في البحر معرّض لخطر الضياع». من يعاقب على الإنقاذ هو من يخرق هذا القانون، *لا* من ينقذ.

كم قاربًا آخر يجب أن يغرق حتى يُعامَل الإنقاذ بوصفه واجبًا لا جريمة؟ لن ننتظر الجواب. سيرفض \
أعضاؤنا في موانئ بحر إيجه وتونس **أن يُستخدَموا في عمليات الإعادة القسرية**، وسيوثّقون كل \
حادث يشهدونه، وسيقفون إلى جانب كل طاقم يُلاحَق قضائيًا لأنه أنقذ أرواحًا.

الناس على تلك القوارب عمّال وطلاب وآباء وأمهات. إنهم زملاؤنا في الغد على الأرصفة وفي الحقول \
وفي ورش البناء. والتضامن معهم تضامن مع أنفسنا.
""",
        ),
        "fa": Text(
            title="دریا مرز نیست",
            subtitle="بیانیه دربارهٔ غرق قایق‌ها در مدیترانه، روز جهانی پناهنده ۲۰۲۳",
            translator="Shirin Nikpour",
            body=f"""\
ماهیگیران دریا را بهتر از هر کسی می‌شناسند. می‌دانند قایقی که در خطر است نمی‌تواند منتظر \
بماند تا دولتی تصمیم بگیرد که در آب‌های کدام کشور است. به همین دلیل خدمهٔ قایق‌های ماهیگیری \
از دریای اژه و خلیج قابس بارها و بارها آدم‌ها را از آب بیرون کشیده‌اند — و به همین دلیل برخی \
از آنان بازجویی شده‌اند، جریمه شده‌اند یا به دادگاه کشیده شده‌اند.

وظیفهٔ کمک‌رسانی از هر رژیم مرزی قدیمی‌تر است و در خود حقوق دریاها نوشته شده است: [مادهٔ ۹۸ \
کنوانسیون سازمان ملل متحد دربارهٔ حقوق دریاها]({UNCLOS}) هر ناخدایی را موظف می‌کند به «هر \
شخصی که در دریا در خطر نابودی یافت شود» کمک کند. کسی که نجات را مجازات می‌کند این قانون را \
زیر پا می‌گذارد، *نه* کسی که نجات می‌دهد.

چند قایق دیگر باید غرق شود تا نجات وظیفه شمرده شود و نه جرم؟ ما منتظر پاسخ نمی‌مانیم. اعضای \
ما در بندرهای دریای اژه و تونس **از به‌کارگرفته‌شدن برای پس‌رانی‌ها سر باز می‌زنند**، هر \
رویدادی را که ببینند ثبت می‌کنند و کنار هر خدمه‌ای می‌ایستند که به جرم نجات جان انسان‌ها \
تحت پیگرد است.

آدم‌های سوار بر آن قایق‌ها کارگرند، دانشجویند، پدر و مادرند. آنان همکاران فردای ما در \
اسکله‌ها، مزرعه‌ها و کارگاه‌های ساختمانی‌اند. همبستگی با آنان همبستگی با خود ماست.
""",
        ),
        "ku": Text(
            title="Derya ne sînor e",
            subtitle=(
                "Daxuyanî li ser binavbûna qeyikan li Deryaya Spî, Roja Penaberan a Cîhanê 2023"
            ),
            translator="Rojda Bilgin",
            body=f"""\
Masîgir deryayê ji her kesî çêtir nas dikin. Ew dizanin ku qeyikeke di xetereyê de nikare li \
benda hikûmetekê bimîne heta ku ew biryar bide ka qeyik di avên kîjan welatî de ye. Ji ber vê \
yekê ekîbên masîgiran ên ji Egeyê û ji Kendava Gabesê gelek caran mirov ji avê derxistin — û \
ji ber vê yekê hinek ji wan hatin lêpirsînkirin, ceza li wan hat birîn an jî ew kişandin \
dadgehan.

Erka alîkariyê ji her rejîma sînoran kevintir e. Ew di hiqûqa deryayê bi xwe de nivîsandî ye: \
[xala 98an a Peymana Neteweyên Yekbûyî ya li ser Hiqûqa Deryayê]({UNCLOS}) her kaptanî mecbûr \
dike ku alîkariyê bide “her kesê ku li deryayê di xetera windabûnê de tê dîtin”. Yê ku vê \
qanûnê binpê dike ew e ku rizgarkirinê ceza dike, *ne* yê ku rizgar dike.

Divê çend qeyikên din binav bibin da ku rizgarkirin wek erk were dîtin, ne wek sûc? Em ê li \
benda bersivê nemînin. Endamên me yên li lîmanên Egeyê û Tûnisê dê **red bikin ku ji bo \
paşvegerandinên bi zorê werin bikaranîn**, dê her bûyera ku dibînin belge bikin û dê li kêleka \
her ekîbeke ku ji ber rizgarkirina jiyanan tê darizandin bisekinin.

Mirovên di wan qeyikan de karker, xwendekar, dê û bav in. Ew hevkarên me yên sibê ne, li ser \
rihtiman, li zeviyan û li şantiyeyan. Piştgiriya bi wan re, piştgiriya bi xwe re ye.
""",
        ),
        "hy": Text(
            title="Ծովը սահման չէ",
            subtitle=(
                "Հայտարարություն Միջերկրական ծովում նավաբեկությունների մասին, "
                "Փախստականների համաշխարհային օր, 2023"
            ),
            translator="Anahit Sargsyan",
            body=f"""\
Ձկնորսները ծովն ավելի լավ են ճանաչում, քան որևէ մեկը։ Նրանք գիտեն, որ վտանգի մեջ գտնվող \
նավակը չի կարող սպասել, մինչև որևէ կառավարություն որոշի, թե որ երկրի ջրերում է այն։ Ահա թե \
ինչու Էգեյան ծովի և Գաբեսի ծոցի ձկնորսական անձնակազմերը կրկին ու կրկին մարդկանց հանել են \
ջրից, և ահա թե ինչու նրանցից ոմանց հարցաքննել են, տուգանել կամ դատի տվել։

Օգնելու պարտքն ավելի հին է, քան ցանկացած սահմանային ռեժիմ։ Այն գրված է հենց ծովային \
իրավունքում. [ՄԱԿ-ի Ծովային իրավունքի մասին կոնվենցիայի 98-րդ հոդվածը]({UNCLOS}) \
պարտավորեցնում է յուրաքանչյուր նավապետի օգնություն ցույց տալ «ծովում հայտնաբերված ցանկացած \
անձի, որին սպառնում է կործանման վտանգ»։ Այդ օրենքը խախտում է նա, ով պատժում է փրկության \
համար, և *ոչ թե* նա, ով փրկում է։

Էլի քանի՞ նավակ պետք է խորտակվի, որպեսզի փրկությունը համարվի պարտք և ոչ թե հանցագործություն։ \
Մենք պատասխանի չենք սպասի։ Էգեյան ծովի և Թունիսի նավահանգիստներում մեր անդամները \
**կհրաժարվեն օգտագործվել հետմղումների համար**, կփաստագրեն իրենց տեսած յուրաքանչյուր դեպք և \
կկանգնեն յուրաքանչյուր անձնակազմի կողքին, որը հետապնդվում է կյանքեր փրկելու համար։

Այդ նավակներում գտնվող մարդիկ բանվորներ են, ուսանողներ, ծնողներ։ Նրանք մեր վաղվա \
գործընկերներն են նավամատույցներում, դաշտերում և շինհրապարակներում։ Համերաշխությունը նրանց \
հետ համերաշխություն է մեզ հետ։
""",
        ),
        "it": Text(
            title="Il mare non è un confine",
            subtitle=(
                "Dichiarazione sui naufragi nel Mediterraneo, Giornata mondiale del rifugiato 2023"
            ),
            translator="Giulia Ferrante",
            body=f"""\
I pescatori conoscono il mare meglio di chiunque altro. Sanno che una barca in pericolo non può \
aspettare che un governo decida in quali acque si trovi. Per questo gli equipaggi dei \
pescherecci dell'Egeo e del golfo di Gabès hanno tirato fuori dall'acqua persone, ancora e \
ancora — e per questo alcuni di loro sono stati interrogati, multati o trascinati in tribunale.

Il dovere di soccorso è più antico di qualsiasi regime di frontiera. È scritto nel diritto del \
mare stesso: l'[articolo 98 della Convenzione delle Nazioni Unite sul diritto del \
mare]({UNCLOS}) obbliga ogni comandante a prestare soccorso a «chiunque sia trovato in mare in \
pericolo di vita». A violare questa legge è chi punisce un salvataggio, *non* chi salva.

Quante barche dovranno ancora affondare perché il soccorso sia trattato come un dovere e non \
come un reato? Non aspetteremo la risposta. I nostri iscritti nei porti dell'Egeo e della \
Tunisia **si rifiuteranno di essere usati per i respingimenti**, documenteranno ogni episodio a \
cui assistono e staranno al fianco di ogni equipaggio perseguito per aver salvato vite.

Le persone su quelle barche sono lavoratori, studenti, genitori. Sono i nostri colleghi di \
domani sulle banchine, nei campi e nei cantieri. La solidarietà con loro è solidarietà con noi \
stessi.
""",
        ),
        "fr": Text(
            title="La mer n'est pas une frontière",
            subtitle=(
                "Déclaration sur les naufrages en Méditerranée, Journée mondiale des réfugiés 2023"
            ),
            translator="Claire Morvan",
            body=f"""\
Les pêcheurs connaissent la mer mieux que quiconque. Ils savent qu'un bateau en détresse ne \
peut pas attendre qu'un gouvernement décide dans quelles eaux il se trouve. C'est pourquoi des \
équipages de pêche de l'Égée et du golfe de Gabès ont, encore et encore, sorti des personnes de \
l'eau — et c'est pourquoi certains d'entre eux ont été interrogés, mis à l'amende ou traînés \
devant les tribunaux.

Le devoir d'assistance est plus ancien que n'importe quel régime de frontières. Il est inscrit \
dans le droit de la mer lui-même\u00a0: l'[article 98 de la Convention des Nations unies sur le \
droit de la mer]({UNCLOS}) oblige tout capitaine à prêter assistance à «\u00a0quiconque est \
trouvé en péril en mer\u00a0». Celui qui viole ce droit, c'est celui qui punit un sauvetage, \
*pas* celui qui sauve.

Combien de bateaux devront encore sombrer pour que le sauvetage soit traité comme un devoir et \
non comme un crime\u00a0? Nous n'attendrons pas la réponse. Nos adhérents dans les ports de \
l'Égée et de Tunisie **refuseront d'être utilisés pour des refoulements**, documenteront chaque \
incident dont ils sont témoins et se tiendront aux côtés de chaque équipage poursuivi pour avoir \
sauvé des vies.

Les personnes à bord de ces bateaux sont des travailleurs, des étudiants, des parents. Ce sont \
nos collègues de demain sur les quais, dans les champs et sur les chantiers. La solidarité avec \
elles est une solidarité avec nous-mêmes.
""",
        ),
    },
)
