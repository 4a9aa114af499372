"""A strike communiqué from a dockworkers' union, written in Turkish, in four languages."""

from __future__ import annotations

import datetime as dt

from havza.demo.content.schema import Text, WorkData, org

WORK = WorkData(
    uid="51c8e0d7-2f4a-4b6e-9d15-2024031200d4",
    kind="communique",
    original_language="tr",
    published_on=dt.date(2024, 3, 12),
    topics=("ports-and-dockworkers", "international-solidarity"),
    authors=(org("liman-sen"),),
    texts={
        "tr": Text(
            title="Mersin limanında grev: yük başka limana kaydırılamayacak",
            body="""\
Liman ve Kıyı İşçileri Sendikası'nın örgütlü olduğu Mersin konteyner terminalinde 1.200 işçi \
bu sabah saat 06.00'dan itibaren iş bıraktı. İşveren, üç aydır süren toplu sözleşme \
görüşmelerinde gerçek ücretlerdeki yüzde 18'lik kaybı telafi etmeyi reddetti ve gece \
vardiyalarında tek kişilik vinç operasyonlarını dayatmayı sürdürdü.

Grevin ilk saatlerinde terminal şirketi gemileri Akdeniz'in başka limanlarına yönlendirmeye \
çalıştı. Ağımızın İtalya ve Yunanistan'daki üye örgütleri, grev sürdüğü müddetçe Mersin'den \
yönlendirilen hiçbir yükün kendi rıhtımlarında elleçlenmeyeceğini açıkladı.

Taleplerimiz açıktır: enflasyon kaybının tamamen karşılanması, tek kişilik gece \
operasyonlarına son verilmesi ve geçen yıl işten çıkarılan dört sendika temsilcisinin işe \
iadesi.

Grev çadırı limanın ana kapısında gece gündüz açıktır. Dayanışma mesajlarınızı bekliyoruz.
""",
        ),
        "en": Text(
            title="Strike at the port of Mersin: the cargo will not be diverted",
            translator="Derya Aksoy",
            body="""\
At 6 a.m. this morning, 1,200 workers at the Mersin container terminal, where the Port and \
Coast Workers' Union is organized, stopped work. Over three months of collective bargaining, \
the employer refused to make up an 18 per cent loss in real wages and kept imposing \
single-operator crane shifts at night.

In the first hours of the strike, the terminal company tried to divert ships to other \
Mediterranean ports. Our network's member organizations in Italy and Greece announced that no \
cargo diverted from Mersin will be handled on their quays for as long as the strike lasts.

Our demands are clear: full compensation for the loss to inflation, an end to single-operator \
night operations, and the reinstatement of the four union representatives dismissed last year.

The strike tent at the main gate of the port is open day and night. We welcome your messages \
of solidarity.
""",
        ),
        "it": Text(
            title="Sciopero al porto di Mersin: il carico non sarà dirottato",
            translator="Giulia Ferrante",
            body="""\
Alle 6 di questa mattina 1.200 lavoratori del terminal container di Mersin, dove è organizzato \
il Sindacato dei lavoratori dei porti e delle coste, hanno incrociato le braccia. In tre mesi di \
trattative per il contratto collettivo, l'azienda si è rifiutata di recuperare la perdita del \
18 per cento dei salari reali e ha continuato a imporre turni notturni con un solo gruista.

Nelle prime ore dello sciopero la società del terminal ha cercato di dirottare le navi verso \
altri porti del Mediterraneo. Le organizzazioni della nostra rete in Italia e in Grecia hanno \
annunciato che, finché durerà lo sciopero, nessun carico dirottato da Mersin sarà movimentato \
sulle loro banchine.

Le nostre rivendicazioni sono chiare: il recupero integrale della perdita dovuta \
all'inflazione, la fine delle operazioni notturne con un solo addetto e il reintegro dei \
quattro delegati sindacali licenziati l'anno scorso.

La tenda dello sciopero, davanti al varco principale del porto, è aperta giorno e notte. \
Aspettiamo i vostri messaggi di solidarietà.
""",
        ),
        "el": Text(
            title="Απεργία στο λιμάνι της Μερσίνας: το φορτίο δεν θα εκτραπεί",
            translator="Nikos Karalis",
            body="""\
Στις 6 το πρωί σήμερα, 1.200 εργαζόμενοι στον σταθμό εμπορευματοκιβωτίων της Μερσίνας, όπου \
είναι οργανωμένο το Συνδικάτο Εργαζομένων Λιμανιών και Ακτών, σταμάτησαν τη δουλειά. Σε τρεις \
μήνες διαπραγματεύσεων για τη συλλογική σύμβαση, ο εργοδότης αρνήθηκε να καλύψει την απώλεια \
18% των πραγματικών μισθών και συνέχισε να επιβάλλει νυχτερινές βάρδιες με έναν μόνο χειριστή \
γερανού.

Τις πρώτες ώρες της απεργίας, η εταιρεία του σταθμού προσπάθησε να στρέψει τα πλοία σε άλλα \
λιμάνια της Μεσογείου. Οι οργανώσεις-μέλη του δικτύου μας στην Ιταλία και στην Ελλάδα \
ανακοίνωσαν ότι κανένα φορτίο που εκτρέπεται από τη Μερσίνα δεν θα διακινηθεί στις αποβάθρες \
τους όσο διαρκεί η απεργία.

Τα αιτήματά μας είναι σαφή: πλήρης αναπλήρωση της απώλειας από τον πληθωρισμό, τέλος στις \
νυχτερινές εργασίες με έναν μόνο χειριστή και επαναπρόσληψη των τεσσάρων συνδικαλιστικών \
εκπροσώπων που απολύθηκαν πέρσι.

Η σκηνή της απεργίας στην κεντρική πύλη του λιμανιού είναι ανοιχτή μέρα και νύχτα. Περιμένουμε \
τα μηνύματα αλληλεγγύης σας.
""",
        ),
    },
)
