"""A declaration on heat waves and outdoor work, written in Italian, with a worker's testimony."""

from __future__ import annotations

import datetime as dt

from havza.demo.content.schema import Text, WorkData, org

WORK = WorkData(
    uid="3b0c2f6a-7d3e-4f0b-8a61-2024071800b2",
    kind="declaration",
    original_language="it",
    published_on=dt.date(2024, 7, 18),
    topics=("heat-and-climate", "health-and-safety", "farmworkers", "ports-and-dockworkers"),
    authors=(org("clm"), org("liman-sen")),
    signatories=(org("clm"), org("liman-sen"), org("sjs"), org("uptm"), org("kkd")),
    texts={
        "it": Text(
            title="Sotto un cielo che brucia non si lavora",
            subtitle="Dichiarazione sulle ondate di calore e il lavoro all'aperto",
            body="""\
Quest'estate il termometro ha superato i quarantaquattro gradi sulle banchine e nelle serre \
dove lavorano i nostri iscritti. In una sola settimana tre nostri colleghi sono crollati mentre \
lavoravano. I padroni l'hanno chiamata sfortuna. Noi la chiamiamo una giornata di lavoro che \
nessuno dovrebbe essere costretto a finire.

Una bracciante della piana di Çukurova, in Turchia, ha raccontato alla nostra assemblea:

> «A mezzogiorno le foglie dei pomodori bruciano le mani. Il caporale dice che la quota è la \
quota. Beviamo l'acqua del tubo d'irrigazione e andiamo avanti, perché chi si ferma il giorno \
dopo non viene richiamato.»

Il caldo non è più un'eccezione di pochi giorni: è la nuova stagione del lavoro. Per questo \
dichiariamo che il lavoro all'aperto deve fermarsi, a salario pieno, ogni volta che l'indice di \
calore supera la soglia di pericolo; che i lavoratori stessi, attraverso i loro delegati, devono \
avere il diritto di sospendere il lavoro; che ombra, acqua e pause non sono favori ma obblighi; \
e che nessun permesso, contratto o cottimo può scavalcare queste regole.

Chiediamo a portuali, edili, braccianti e rider di ogni sponda di adottare questa \
dichiarazione nei loro luoghi di lavoro e di registrare ogni malore da caldo, perché la \
prossima estate nessuno possa dire di non sapere.
""",
        ),
        "en": Text(
            title="No work under a burning sky",
            subtitle="Declaration on heat waves and outdoor work",
            translator="Giulia Ferrante",
            body="""\
This summer the thermometer passed forty-four degrees on the quays and in the greenhouses \
where our members work. In a single week, three of our colleagues collapsed on the job. The \
employers called it bad luck. We call it a working day that no one should be forced to finish.

A farmworker from the Çukurova plain in Turkey told our assembly:

> “At noon the tomato leaves burn your hands. The gangmaster says the quota is the quota. We \
drink from the irrigation hose and keep going, because whoever stops is not called back the \
next day.”

Heat is no longer an exception of a few days: it is the new season of work. We therefore \
declare that outdoor work must stop, with full pay, whenever the heat index passes the danger \
threshold; that workers themselves, through their delegates, must have the right to stop work; \
that shade, water and rest are not favours but obligations; and that no permit, contract or \
piece rate can override these rules.

We call on dockworkers, builders, farmworkers and delivery riders on every shore to adopt this \
declaration in their workplaces and to record every heat-related illness, so that next summer \
no one can say they did not know.
""",
        ),
        "tr": Text(
            title="Yanan bir göğün altında çalışılmaz",
            subtitle="Sıcak hava dalgaları ve açık havada çalışma üzerine bildirge",
            translator="Derya Aksoy",
            body="""\
Bu yaz, üyelerimizin çalıştığı rıhtımlarda ve seralarda termometre kırk dört dereceyi aştı. \
Tek bir haftada üç iş arkadaşımız çalışırken yere yığıldı. İşverenler buna şanssızlık dedi. \
Biz ise buna, hiç kimsenin bitirmeye zorlanmaması gereken bir iş günü diyoruz.

Çukurova'dan bir kadın tarım işçisi toplantımızda şunları anlattı:

> “Öğlen domates yaprakları insanın elini yakıyor. Dayıbaşı, kota kotadır diyor. Sulama \
hortumundan su içip devam ediyoruz, çünkü duranı ertesi gün bir daha çağırmıyorlar.”

Sıcak artık birkaç günlük bir istisna değil; işin yeni mevsimi. Bu nedenle ilan ediyoruz: \
sıcaklık indeksi tehlike eşiğini her aştığında açık havadaki iş, ücret tam ödenerek durmalıdır; \
işçilerin kendileri, temsilcileri aracılığıyla işi durdurma hakkına sahip olmalıdır; gölge, su \
ve mola bir lütuf değil, bir yükümlülüktür; hiçbir izin, sözleşme ya da parça başı ücret bu \
kuralların önüne geçemez.

Her kıyıdaki liman, inşaat ve tarım işçilerini ve kuryeleri bu bildirgeyi kendi işyerlerinde \
sahiplenmeye ve sıcaktan kaynaklanan her rahatsızlığı kayda geçirmeye çağırıyoruz; öyle ki \
gelecek yaz hiç kimse bilmediğini söyleyemesin.
""",
        ),
        "ar": Text(
            title="لا عمل تحت سماء ملتهبة",
            subtitle="إعلان بشأن موجات الحرّ والعمل في الهواء الطلق",
            translator="Karim Ben Salah",
            body="""\
تجاوز ميزان الحرارة هذا الصيف أربعًا وأربعين درجة على الأرصفة وفي البيوت البلاستيكية حيث \
يعمل أعضاؤنا. وفي أسبوع واحد، انهار ثلاثة من زملائنا أثناء العمل. سمّى أصحاب العمل ذلك سوء \
حظ، أما نحن فنسمّيه يوم عمل لا ينبغي أن يُجبَر أحد على إكماله.

قالت عاملة زراعية من سهل تشوكوروفا في تركيا أمام جمعيتنا العامة:

> «عند الظهر تحرق أوراقُ الطماطم الأيدي. يقول رئيس الورشة إن الحصة هي الحصة. نشرب من خرطوم \
الري ونواصل، لأن من يتوقف لا يُستدعى في اليوم التالي.»

لم يعد الحرّ استثناءً لبضعة أيام، بل صار موسم العمل الجديد. لذلك نعلن أن العمل في الهواء \
الطلق يجب أن يتوقف، مع أجر كامل، كلما تجاوز مؤشر الحرارة عتبة الخطر؛ وأن للعمّال أنفسهم، عبر \
مندوبيهم، الحق في وقف العمل؛ وأن الظل والماء والاستراحة ليست منّة بل واجبات؛ وأنه لا يجوز لأي \
تصريح أو عقد أو أجر بالقطعة أن يعلو على هذه القواعد.

ندعو عمّال الموانئ والبناء والزراعة وعمّال التوصيل على كل الضفاف إلى تبنّي هذا الإعلان في \
أماكن عملهم، وإلى تسجيل كل حالة إعياء بسبب الحرّ، حتى لا يستطيع أحد في الصيف المقبل أن يقول \
إنه لم يكن يعلم.
""",
        ),
        "fa": Text(
            title="زیر آسمانی که می‌سوزد کار نمی‌شود",
            subtitle="بیانیه‌ای دربارهٔ موج‌های گرما و کار در فضای باز",
            translator="Shirin Nikpour",
            body="""\
تابستان امسال دماسنج در اسکله‌ها و گلخانه‌هایی که اعضای ما در آن‌ها کار می‌کنند از \
چهل‌وچهار درجه گذشت. تنها در یک هفته، سه تن از همکاران ما سر کار از پا افتادند. کارفرمایان \
نامش را بدشانسی گذاشتند. ما نامش را روز کاری‌ای می‌گذاریم که هیچ‌کس نباید مجبور به تمام \
کردنش باشد.

یک کارگر زن کشاورزی از دشت چوکوروا در ترکیه در مجمع ما گفت:

> «ظهر که می‌شود، برگ‌های گوجه‌فرنگی دست را می‌سوزاند. سرکارگر می‌گوید سهمیه همان سهمیه \
است. از شیلنگ آبیاری آب می‌خوریم و ادامه می‌دهیم، چون هر کس دست از کار بکشد، فردا دیگر \
خبرش نمی‌کنند.»

گرما دیگر استثنایی چندروزه نیست؛ فصل تازهٔ کار است. از این رو اعلام می‌کنیم که هر بار شاخص \
گرما از آستانهٔ خطر بگذرد، کار در فضای باز باید با دستمزد کامل متوقف شود؛ که خود کارگران، از \
طریق نمایندگانشان، باید حق توقف کار را داشته باشند؛ که سایه، آب و استراحت لطف نیست، بلکه \
وظیفه است؛ و که هیچ مجوز، قرارداد یا کارمزدی نمی‌تواند این قواعد را زیر پا بگذارد.

از کارگران بندر، ساختمان و کشاورزی و از پیک‌های همهٔ کرانه‌ها می‌خواهیم این بیانیه را در \
محل کار خود بپذیرند و هر مورد بیماری ناشی از گرما را ثبت کنند، تا تابستان آینده هیچ‌کس \
نتواند بگوید که نمی‌دانست.
""",
        ),
        "el": Text(
            title="Κάτω από φλεγόμενο ουρανό δεν δουλεύουμε",
            subtitle="Διακήρυξη για τους καύσωνες και την εργασία σε εξωτερικούς χώρους",
            translator="Nikos Karalis",
            body="""\
Αυτό το καλοκαίρι το θερμόμετρο ξεπέρασε τους σαράντα τέσσερις βαθμούς στις αποβάθρες και στα \
θερμοκήπια όπου δουλεύουν τα μέλη μας. Μέσα σε μία μόνο εβδομάδα, τρεις συνάδελφοί μας \
κατέρρευσαν στη δουλειά. Οι εργοδότες το είπαν κακή τύχη. Εμείς το λέμε εργάσιμη μέρα που \
κανείς δεν πρέπει να αναγκάζεται να τελειώσει.

Μια εργάτρια γης από την πεδιάδα της Τσουκούροβα, στην Τουρκία, είπε στη συνέλευσή μας:

> «Το μεσημέρι τα φύλλα της ντομάτας καίνε τα χέρια. Ο εργολάβος λέει ότι η νόρμα είναι νόρμα. \
Πίνουμε νερό από το λάστιχο του ποτίσματος και συνεχίζουμε, γιατί όποιον σταματά δεν τον \
ξαναφωνάζουν την επόμενη μέρα.»

Η ζέστη δεν είναι πια εξαίρεση λίγων ημερών· είναι η νέα εποχή της δουλειάς. Γι' αυτό \
διακηρύσσουμε ότι η εργασία σε εξωτερικούς χώρους πρέπει να σταματά, με πλήρεις αποδοχές, κάθε \
φορά που ο δείκτης θερμικής καταπόνησης ξεπερνά το όριο κινδύνου· ότι οι ίδιοι οι εργαζόμενοι, \
μέσω των εκπροσώπων τους, πρέπει να έχουν το δικαίωμα να σταματούν τη δουλειά· ότι η σκιά, το \
νερό και το διάλειμμα δεν είναι χάρη αλλά υποχρέωση· και ότι καμία άδεια, σύμβαση ή αμοιβή με \
το κομμάτι δεν μπορεί να παρακάμψει αυτούς τους κανόνες.

Καλούμε λιμενεργάτες, οικοδόμους, εργάτες γης και διανομείς σε κάθε ακτή να υιοθετήσουν αυτή \
τη διακήρυξη στους χώρους δουλειάς τους και να καταγράφουν κάθε περιστατικό θερμικής \
εξάντλησης, ώστε το επόμενο καλοκαίρι να μην μπορεί κανείς να πει ότι δεν ήξερε.
""",
        ),
        "ku": Text(
            title="Di bin ezmanekî dişewite de kar nayê kirin",
            subtitle="Danezan li ser pêlên germê û karê li derve",
            translator="Rojda Bilgin",
            body="""\
Vê havînê germahî li ser rihtiman û di serayên ku endamên me lê dixebitin de ji çil û çar \
dereceyan derbas bû. Tenê di hefteyekê de, sê hevkarên me di nav kar de ketin erdê. Karsazan \
got ku ev bêşansî ye. Em jî dibêjin ku ev rojeke kar e ku divê tu kes neyê neçarkirin ku wê \
biqedîne.

Jineke karkera çandiniyê ji deşta Çukurovayê ya li Tirkiyeyê di civîna me de got:

> “Nîvro pelên bacanên sor destan dişewitînin. Çawîş dibêje kota kota ye. Em ji hortûma \
avdanê avê vedixwin û berdewam dikin, ji ber ku yê ku raweste, roja din careke din gazî wî \
nakin.”

Germ êdî ne îstîsnayeke çend rojan e; ew demsala nû ya kar e. Ji ber vê yekê em radigihînin \
ku her carê ku pîvana germê ji sînorê xeterê derbas bibe, divê karê li derve bi mûçeya tevahî \
raweste; divê karker bi xwe, bi rêya nûnerên xwe, xwediyê mafê rawestandina kar bin; sî, av û \
bêhnvedan ne qencî ne, erk in; û tu destûr, peyman an jî mûçeya li gorî perçeyan nikare van \
qaîdeyan binpê bike.

Em bang li karkerên lîmanan, avahîsaziyê û çandiniyê û li kuryeyên li her peravê dikin ku vê \
danezanê li cihên xwe yên kar bipejirînin û her nexweşiya ji ber germê tomar bikin, da ku \
havîna bê tu kes nikaribe bibêje ku nizanibû.
""",
        ),
        "hy": Text(
            title="Այրվող երկնքի տակ չեն աշխատում",
            subtitle="Հռչակագիր շոգի ալիքների և բացօթյա աշխատանքի մասին",
            translator="Anahit Sargsyan",
            body="""\
Այս ամռանը ջերմաչափն անցավ քառասունչորս աստիճանը այն նավամատույցներում և ջերմոցներում, \
որտեղ աշխատում են մեր անդամները։ Ընդամենը մեկ շաբաթում մեր երեք գործընկեր աշխատանքի ժամանակ \
ուշագնաց եղան։ Գործատուներն այդ անվանեցին անհաջողություն։ Մենք այն անվանում ենք աշխատանքային \
օր, որը ոչ ոք չպետք է ստիպված լինի ավարտել։

Թուրքիայի Չուկուրովայի հարթավայրից մի գյուղատնտեսական բանվորուհի մեր ժողովում պատմեց.

> «Կեսօրին լոլիկի տերևներն այրում են ձեռքերը։ Վերակացուն ասում է՝ նորման նորմա է։ Ոռոգման \
խողովակից ջուր ենք խմում ու շարունակում, որովհետև ով կանգ է առնում, նրան հաջորդ օրն այլևս \
չեն կանչում։»

Շոգն այլևս մի քանի օրվա բացառություն չէ, այն աշխատանքի նոր սեզոնն է։ Ուստի հայտարարում \
ենք, որ բացօթյա աշխատանքը պետք է դադարեցվի՝ լրիվ վարձատրությամբ, ամեն անգամ, երբ ջերմային \
ցուցիչը գերազանցում է վտանգի շեմը, որ աշխատողներն իրենք՝ իրենց պատվիրակների միջոցով, պետք է \
իրավունք ունենան դադարեցնելու աշխատանքը, որ ստվերը, ջուրը և հանգիստը շնորհ չեն, այլ \
պարտավորություն, և որ ոչ մի թույլտվություն, պայմանագիր կամ կտրավարձ չի կարող շրջանցել այս \
կանոնները։

Կոչ ենք անում բոլոր ափերի նավահանգստային բանվորներին, շինարարներին, գյուղատնտեսական \
բանվորներին և առաքիչներին ընդունել այս հռչակագիրն իրենց աշխատավայրերում և գրանցել շոգի \
պատճառով առողջական խնդրի յուրաքանչյուր դեպք, որպեսզի հաջորդ ամռանը ոչ ոք չկարողանա ասել, թե \
չգիտեր։
""",
        ),
    },
)
