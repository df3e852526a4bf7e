import { localDate, parseDateTime } from '@yvc/core';
import {
  EventKind,
  EventStatus,
  ImportedEvent,
  ImportedRegistration,
  RegistrationStatus,
  VenueDraft,
} from '@yvc/events';
import { DEMO_CLUBS } from './demo-clubs';
import { rng } from './demo-people';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** World Elections Day (Әлемдік сайлау күні): the first Thursday of February, as 'YYYY-MM-DD'. */
export function firstThursdayOfFebruary(year: number): string {
  const weekday = new Date(Date.UTC(year, 1, 1)).getUTCDay(); // 0 = Sunday
  return `${year}-02-${String(1 + ((4 - weekday + 7) % 7)).padStart(2, '0')}`;
}

/** The last World Elections Day whose surrounding week is over by `now` (the season's high point). */
export function worldElectionsDay(now: Date): string {
  const year = Number(localDate(now).slice(0, 4));
  const thisYear = firstThursdayOfFebruary(year);
  return Date.parse(`${thisYear}T00:00:00Z`) + 8 * DAY < Date.parse(`${localDate(now)}T00:00:00Z`)
    ? thisYear
    : firstThursdayOfFebruary(year - 1);
}

const venue = (name: string, address: string, wheelchairAccessible = false, signLanguage = false) => ({
  name,
  address,
  wheelchairAccessible,
  signLanguage,
});

/** Where the region's youth events happen: Taraz and the district centres. */
export const DEMO_VENUES = {
  philharmonic: venue('Жамбыл облыстық филармониясы, үлкен зал', 'Тараз қ., Төле би даңғылы, 47', true, true),
  commission: venue(
    'Жамбыл облыстық аумақтық сайлау комиссиясы, мәжіліс залы',
    'Тараз қ., Абай даңғылы, 125',
    true,
  ),
  library: venue(
    'Жамбыл облыстық әмбебап ғылыми кітапханасы, конференц-зал',
    'Тараз қ., Абай даңғылы, 132',
    true,
  ),
  youthCentre: venue(
    'Тараз қалалық жастар ресурстық орталығы',
    'Тараз қ., Қазыбек би көшесі, 154',
    true,
    true,
  ),
  akimat: venue('Тараз қалалық әкімдігі, мәжіліс залы', 'Тараз қ., Абай даңғылы, 165', true),
  dulati: venue('Дулати университеті, бас ғимараттың акт залы', 'Тараз қ., Төле би көшесі, 60', true),
  dulatiLaw: venue(
    'Дулати университеті, заң факультетінің 214-аудиториясы',
    'Тараз қ., Сүлейменов көшесі, 7',
  ),
  tigu: venue(
    'Тараз инновациялық-гуманитарлық университеті, акт залы',
    'Тараз қ., Желтоқсан көшесі, 69Б',
    true,
  ),
  medCollege: venue('Жамбыл жоғары медициналық колледжі, акт залы', 'Тараз қ., Жамбыл даңғылы, 71'),
  polytech: venue('Тараз политехникалық колледжі, конференц-зал', 'Тараз қ., Әйтеке би көшесі, 12'),
  humCollege: venue(
    'Жамбыл гуманитарлық-техникалық колледжі, кітапхана залы',
    'Тараз қ., Рысбек батыр көшесі, 20',
  ),
  daryn: venue('«Дарын» мектеп-интернаты, дебат залы', 'Тараз қ., Бауыржан Момышұлы көшесі, 4'),
  nis: venue('Назарбаев Зияткерлік мектебі, акт залы', 'Тараз қ., Жамбыл даңғылы, 43', true),
  school45: venue('№45 мектеп-гимназия, спорт залы', 'Тараз қ., Төле би көшесі, 215'),
  sarykemer: venue(
    'Сарыкемер аграрлық колледжі, акт залы',
    'Байзақ ауданы, Сарыкемер а., Байзақ батыр көшесі, 101',
  ),
  baizakCulture: venue(
    'Байзақ аудандық мәдениет үйі',
    'Байзақ ауданы, Сарыкемер а., Медеуов көшесі, 20',
    true,
  ),
  asaSchool: venue('Аса орта мектебі, акт залы', 'Жамбыл ауданы, Аса а., Абай көшесі, 54'),
  asaYouth: venue(
    'Жамбыл аудандық жастар ресурстық орталығы',
    'Жамбыл ауданы, Аса а., Төле би көшесі, 12',
    true,
  ),
  zhualyCulture: venue(
    'Жуалы аудандық мәдениет үйі',
    'Жуалы ауданы, Бауыржан Момышұлы а., Жамбыл көшесі, 8',
    true,
  ),
  zhualyCollege: venue(
    'Бауыржан Момышұлы ауылындағы көпсалалы колледж',
    'Жуалы ауданы, Бауыржан Момышұлы а., Бейбітшілік көшесі, 33',
  ),
  kordaiCollege: venue(
    'Қордай аграрлық-техникалық колледжі, акт залы',
    'Қордай ауданы, Қордай а., Жібек жолы көшесі, 160',
    true,
  ),
  otarSchool: venue('Отар ауылының орта мектебі', 'Қордай ауданы, Отар а., Мектеп көшесі, 3'),
  merkeCollege: venue('Меркі аграрлық-техникалық колледжі', 'Меркі ауданы, Меркі а., Исмайылов көшесі, 120'),
  merkeLyceum: venue('Меркі №2 мектеп-лицейі, акт залы', 'Меркі ауданы, Меркі а., Әйтиев көшесі, 45'),
  merkeCulture: venue(
    'Меркі аудандық мәдениет үйі',
    'Меркі ауданы, Меркі а., Сыпатай батыр көшесі, 163',
    true,
    true,
  ),
  moiynkumSchool: venue('Мойынқұм №1 орта мектебі', 'Мойынқұм ауданы, Мойынқұм а., Амангелді көшесі, 150'),
  moiynkumAkimat: venue(
    'Мойынқұм аудандық әкімдігі, мәжіліс залы',
    'Мойынқұм ауданы, Мойынқұм а., Қонаев көшесі, 2',
    true,
  ),
  zhanatasCollege: venue('Жаңатас көпсалалы колледжі', 'Сарысу ауданы, Жаңатас қ., 3-шағын аудан, 15'),
  zhanatasCulture: venue(
    'Жаңатас қалалық мәдениет үйі',
    'Сарысу ауданы, Жаңатас қ., Ш. Уәлиханов көшесі, 6',
    true,
  ),
  saudakentSchool: venue(
    'Саудакент ауылының орта мектебі',
    'Сарысу ауданы, Саудакент а., Тәуелсіздік көшесі, 22',
  ),
  karatauCollege: venue('Қаратау тау-кен колледжі', 'Талас ауданы, Қаратау қ., Жамбыл көшесі, 17'),
  karatauCulture: venue(
    'Қаратау қалалық мәдениет үйі',
    'Талас ауданы, Қаратау қ., Т. Рысқұлов көшесі, 6',
    true,
  ),
  kulanCollege: venue('Құлан колледжі, акт залы', 'Т. Рысқұлов ауданы, Құлан а., Жібек жолы көшесі, 38'),
  shuCollege: venue('Шу көпсалалы колледжі', 'Шу ауданы, Төле би а., Қонаев көшесі, 279'),
  shuCulture: venue('Шу аудандық мәдениет үйі', 'Шу ауданы, Төле би а., Бейбітшілік көшесі, 17', true, true),
  toleBiSchool: venue('Төле би ауылының мектеп-гимназиясы', 'Шу ауданы, Төле би а., Абылай хан көшесі, 2'),
} satisfies Record<string, VenueDraft>;

/**
 * When an event happens: `wed` days from World Elections Day; `season` a fraction (0..1) of the
 * season's school days before the seed's clock; `inDays` days after the seed's clock (coming).
 */
export type DemoWhen = { wed: number } | { season: number } | { inDays: number };

export interface DemoSeasonEvent {
  unitCode: string;
  /** a demo club of that unit (DEMO_CLUBS name); none: the unit's commission hosts it */
  club?: string;
  kind: EventKind;
  title: string;
  description: string;
  venue: VenueDraft;
  capacity: number;
  when: DemoWhen;
  /** local start time in Taraz, 'HH:MM' */
  at: string;
  hours: number;
  draft?: true;
  cancelReason?: string;
  /** a coming event already full, with this many on its waitlist */
  waitlist?: number;
}

const { FORUM, DEBATE, TRAINING, MOCK_ELECTION, QUIZ, MEETING } = EventKind;
const V = DEMO_VENUES;
const REGION = 'zhambyl';
const TARAZ = 'zhambyl.taraz';

/** About 60 events: the 2025-26 season of the region's young voters clubs. Titles are unique per unit. */
export const DEMO_SEASON: DemoSeasonEvent[] = [
  // --- the region
  {
    unitCode: REGION,
    kind: FORUM,
    title: 'Әлемдік сайлау күні — өңірлік жастар форумы',
    description:
      'Әлемдік сайлау күніне арналған өңірлік форум. Облыстық аумақтық сайлау комиссиясының мүшелері, студенттер мен жоғары сынып оқушылары сайлау жүйесі, алғаш рет дауыс беретін жастар және сайлаудың ашықтығы туралы пікір алмасады. Форум соңында үздік жас сайлаушылар клубтары марапатталады.',
    venue: V.philharmonic,
    capacity: 500,
    when: { wed: 0 },
    at: '10:00',
    hours: 4,
  },
  {
    unitCode: REGION,
    club: 'Өңірлік жас сайлаушылар клубы',
    kind: TRAINING,
    title: 'Жас сайлаушылар клубтары жетекшілеріне арналған оқу-семинар',
    description:
      'Платформа іске қосылғанда клуб жетекшілері мен белсенділерге арналған семинар: клуб жұмысын жоспарлау, іс-шараларды тіркеу және QR-кодпен белгілеу, сайлау заңнамасының негіздері.',
    venue: V.commission,
    capacity: 60,
    when: { season: 0.01 },
    at: '10:00',
    hours: 3,
  },
  {
    unitCode: REGION,
    club: 'Өңірлік жас сайлаушылар клубы',
    kind: DEBATE,
    title: 'Өңірлік дебат турнирінің финалы: «Жастар және саяси жауапкершілік»',
    description:
      'Аудандық іріктеуден өткен сегіз команданың финалдық сайысы. Қазылар алқасында — облыстық сайлау комиссиясының мүшелері мен университет оқытушылары.',
    venue: V.dulati,
    capacity: 350,
    when: { season: 0.38 },
    at: '11:00',
    hours: 3,
  },
  {
    unitCode: REGION,
    club: 'Өңірлік жас сайлаушылар клубы',
    kind: QUIZ,
    title: '«Сайлау ABC» өңірлік зияткерлік ойыны',
    description:
      'Тараз бен аудандардан келген командалар Қазақстанның сайлау тарихы, Конституция және сайлау рәсімдері бойынша сұрақтарға жауап береді.',
    venue: V.youthCentre,
    capacity: 200,
    when: { wed: 2 },
    at: '11:00',
    hours: 2,
  },
  {
    unitCode: REGION,
    kind: MEETING,
    title: 'Жас бақылаушылардың өңірлік жиыны',
    description:
      'Сайлау учаскелерінде бақылаушы болған жастар тәжірибесімен бөлісіп, облыстық комиссия мамандарымен бірге жиі кездесетін қателерді талдайды.',
    venue: V.library,
    capacity: 200,
    when: { season: 0.76 },
    at: '14:00',
    hours: 2,
  },
  {
    unitCode: REGION,
    kind: TRAINING,
    title: 'Сайлау комиссиясы мүшелеріне арналған тренинг',
    description:
      'Учаскелік сайлау комиссияларының жас мүшелері мен резервіне арналған тренинг: дауыс беру күнгі рәсімдер, дауыстарды санау, хаттама толтыру, мүмкіндігі шектеулі сайлаушыларға көмек.',
    venue: V.commission,
    capacity: 120,
    when: { inDays: 9 },
    at: '10:00',
    hours: 3,
  },

  // --- Taraz, the week of World Elections Day
  {
    unitCode: TARAZ,
    club: 'Еріктілер және сайлау',
    kind: MEETING,
    title: 'Еріктілер Әлемдік сайлау күніне дайындалады',
    description:
      'Өңірлік форумға көмектесетін еріктілердің жиыны: міндеттерді бөлу, тіркеу үстелі, қонақтарды қарсы алу.',
    venue: V.youthCentre,
    capacity: 60,
    when: { wed: -6 },
    at: '15:00',
    hours: 2,
  },
  {
    unitCode: TARAZ,
    club: 'ТИГУ сайлау клубы',
    kind: DEBATE,
    title: 'Дебат: сайлауда міндетті дауыс беру әділ ме?',
    description:
      'Британ парламенттік форматындағы дебат. Үкімет пен оппозиция командалары міндетті дауыс беру тәжірибесін талқылайды.',
    venue: V.tigu,
    capacity: 80,
    when: { wed: -3 },
    at: '15:00',
    hours: 2,
  },
  {
    unitCode: TARAZ,
    club: 'Политех жастары',
    kind: QUIZ,
    title: 'Сайлау тарихы бойынша викторина',
    description:
      'Қазақстандағы алғашқы сайлаулардан бүгінге дейін: командалық викторина, жеңімпаздарға кітап сыйлықтары.',
    venue: V.polytech,
    capacity: 60,
    when: { wed: -2 },
    at: '15:00',
    hours: 1.5,
  },
  {
    unitCode: TARAZ,
    club: 'Бірлік мектеп клубы',
    kind: MOCK_ELECTION,
    title: 'Мектептегі жасанды сайлау: мектеп президентін сайлау',
    description:
      'Нағыз сайлау учаскесі сияқты: сайлаушылар тізімі, бюллетень, жабық кабина, мөрленген жәшік. 8-11 сынып оқушылары мектеп президентін сайлайды, дауыстарды оқушылардан құралған комиссия санайды.',
    venue: V.school45,
    capacity: 300,
    when: { wed: -1 },
    at: '10:00',
    hours: 3,
  },
  {
    unitCode: TARAZ,
    kind: MEETING,
    title: 'Алғаш рет дауыс беретін жастармен кездесу',
    description:
      'Тараз қалалық аумақтық сайлау комиссиясының мүшелері биыл 18 жасқа толған жастармен кездесіп, сайлаушылар тізімін тексеру мен дауыс беру тәртібін түсіндіреді.',
    venue: V.akimat,
    capacity: 150,
    when: { wed: 0 },
    at: '15:00',
    hours: 2,
  },
  {
    unitCode: TARAZ,
    club: 'Жас заңгерлер',
    kind: TRAINING,
    title: 'Сайлау учаскесіндегі бақылаушы: жастарға арналған тренинг',
    description:
      'Бақылаушының құқықтары мен міндеттері, бұзушылықты қалай тіркеуге болады, өтініш жазу үлгілері.',
    venue: V.dulatiLaw,
    capacity: 50,
    when: { wed: 1 },
    at: '10:00',
    hours: 3,
  },
  {
    unitCode: TARAZ,
    club: 'Дарын дебат клубы',
    kind: DEBATE,
    title: 'Дарын дебат турнирі: сайлау жасын 16-ға түсіру керек пе?',
    description:
      'Қала мектептерінің алты командасы қатысатын турнир. Финалды облыстық комиссия мүшелері бағалайды.',
    venue: V.daryn,
    capacity: 80,
    when: { wed: 2 },
    at: '15:00',
    hours: 3,
  },
  {
    unitCode: TARAZ,
    club: 'Медколледж сайлаушылары',
    kind: MOCK_ELECTION,
    title: 'Медколледждегі жасанды сайлау: студенттік кеңес',
    description:
      'Студенттік кеңес төрағасын сайлау: кандидаттардың дебаты, үгіт-насихат күні және дауыс беру.',
    venue: V.medCollege,
    capacity: 250,
    when: { wed: 4 },
    at: '11:00',
    hours: 3,
  },
  {
    unitCode: TARAZ,
    club: 'НЗМ жас сайлаушылары',
    kind: QUIZ,
    title: 'Конституция және сайлау: НЗМ зияткерлік ойыны',
    description:
      'Үш тілде өтетін зияткерлік ойын: Конституция, сайлау жүйелері, әлем елдеріндегі сайлау дәстүрлері.',
    venue: V.nis,
    capacity: 90,
    when: { wed: 5 },
    at: '14:30',
    hours: 1.5,
  },

  // --- Taraz, the rest of the season
  {
    unitCode: TARAZ,
    club: 'Дулати жас сайлаушылары',
    kind: MEETING,
    title: 'Дулати жас сайлаушылары клубының құрылтай жиыны',
    description: 'Клубтың алғашқы жиыны: мүшелермен танысу, жылдық жоспарды талқылау, жұмыс топтарын құру.',
    venue: V.dulati,
    capacity: 120,
    when: { season: 0.02 },
    at: '15:00',
    hours: 1.5,
  },
  {
    unitCode: TARAZ,
    club: 'ТИГУ сайлау клубы',
    kind: MOCK_ELECTION,
    title: 'ТИГУ студенттік өзін-өзі басқару сайлауы',
    description:
      'Университеттің студенттік парламентіне сайлау: кандидаттарды тіркеу, үгіт, жасырын дауыс беру.',
    venue: V.tigu,
    capacity: 400,
    when: { season: 0.09 },
    at: '10:00',
    hours: 5,
  },
  {
    unitCode: TARAZ,
    club: 'Жас заңгерлер',
    kind: TRAINING,
    title: 'Сайлау заңнамасы: студенттерге арналған дәріс-тренинг',
    description:
      '«Қазақстан Республикасындағы сайлау туралы» Конституциялық заңның негізгі ережелері, мысалдар мен жағдаяттар.',
    venue: V.dulatiLaw,
    capacity: 60,
    when: { season: 0.12 },
    at: '14:00',
    hours: 2,
  },
  {
    unitCode: TARAZ,
    club: 'Бірлік мектеп клубы',
    kind: QUIZ,
    title: 'Тараз мектептері арасындағы сайлау викторинасы',
    description: 'Қаланың он екі мектебінің командалары сайлау құқығы мен азаматтық білім бойынша сайысады.',
    venue: V.school45,
    capacity: 150,
    when: { season: 0.16 },
    at: '14:00',
    hours: 2,
  },
  {
    unitCode: TARAZ,
    club: 'Гуманитарлық колледж клубы',
    kind: DEBATE,
    title: 'Менің дауысым — менің болашағым: колледж пікірсайысы',
    description: 'Неліктен әр дауыс маңызды? Колледж студенттерінің ашық пікірсайысы.',
    venue: V.humCollege,
    capacity: 70,
    when: { season: 0.22 },
    at: '15:00',
    hours: 2,
  },
  {
    unitCode: TARAZ,
    club: 'Дарын дебат клубы',
    kind: DEBATE,
    title: 'Парламенттік дебат: аудан әкімдерін тікелей сайлау',
    description:
      'Аудан әкімдерін тікелей сайлаудың тәжірибесі мен болашағы туралы парламенттік форматтағы дебат.',
    venue: V.daryn,
    capacity: 60,
    when: { season: 0.29 },
    at: '15:00',
    hours: 2,
  },
  {
    unitCode: TARAZ,
    club: 'Дулати жас сайлаушылары',
    kind: DEBATE,
    title: 'Дебат: парламентте жастар квотасы керек пе?',
    description: 'Дулати университетінің ашық дебаты. Көрермендер дебат соңында өз дауыстарын береді.',
    venue: V.dulati,
    capacity: 100,
    when: { season: 0.34 },
    at: '15:00',
    hours: 2,
  },
  {
    unitCode: TARAZ,
    club: 'Медколледж сайлаушылары',
    kind: QUIZ,
    title: 'Сайлау құқығы: «Не? Қайда? Қашан?» ойыны',
    description: 'Танымал зияткерлік ойын форматында сайлау құқығы бойынша сұрақтар.',
    venue: V.medCollege,
    capacity: 72,
    when: { season: 0.44 },
    at: '15:00',
    hours: 2,
  },
  {
    unitCode: TARAZ,
    club: 'Политех жастары',
    kind: TRAINING,
    title: 'Цифрлық сауат және сайлау: жалған ақпаратты қалай тануға болады',
    description:
      'Әлеуметтік желілердегі сайлау туралы жалған ақпаратты тексеру әдістері, практикалық жаттығулар.',
    venue: V.polytech,
    capacity: 80,
    when: { season: 0.52 },
    at: '14:00',
    hours: 2,
  },
  {
    unitCode: TARAZ,
    club: 'Еріктілер және сайлау',
    kind: TRAINING,
    title: 'Мүмкіндігі шектеулі сайлаушыларға көмек: еріктілерге арналған тренинг',
    description:
      'Сайлау учаскесінде мүмкіндігі шектеулі сайлаушыларға қалай көмектесуге болады: қолжетімді орта, ым тілінің негіздері, сүйемелдеу ережелері. Ым тіліне аударма қамтамасыз етіледі.',
    venue: V.youthCentre,
    capacity: 50,
    when: { season: 0.58 },
    at: '11:00',
    hours: 3,
  },
  {
    unitCode: TARAZ,
    club: 'Бірлік мектеп клубы',
    kind: MEETING,
    title: 'Тараз қалалық сайлау комиссиясына экскурсия',
    description: 'Оқушылар комиссияның жұмысымен танысып, сайлау құжаттары қалай сақталатынын көреді.',
    venue: V.akimat,
    capacity: 30,
    when: { season: 0.64 },
    at: '11:00',
    hours: 1.5,
  },
  {
    unitCode: TARAZ,
    club: 'Гуманитарлық колледж клубы',
    kind: MEETING,
    title: 'Жастардың қалалық мәслихат депутаттарымен кездесуі',
    description: 'Депутаттар өз жұмысы туралы айтып, жастардың сұрақтарына жауап береді.',
    venue: V.humCollege,
    capacity: 150,
    when: { season: 0.8 },
    at: '15:00',
    hours: 2,
  },
  {
    unitCode: TARAZ,
    kind: FORUM,
    title: 'Тараз жастар форумы: белсенді жастар — белсенді қала',
    description:
      'Қалалық жастар форумы: жастардың сайлауға қатысуы, еріктілік, жергілікті бастамалар. Пленарлық отырыс пен секциялар.',
    venue: V.youthCentre,
    capacity: 450,
    when: { season: 0.86 },
    at: '10:00',
    hours: 5,
  },
  {
    unitCode: TARAZ,
    club: 'НЗМ жас сайлаушылары',
    kind: MOCK_ELECTION,
    title: 'НЗМ-дағы жасанды сайлау: оқушылар парламенті',
    description:
      'Оқушылар парламентіне сайлау: партиялық тізімдер, бағдарламалар, теледебат және дауыс беру.',
    venue: V.nis,
    capacity: 250,
    when: { season: 0.92 },
    at: '10:00',
    hours: 4,
  },
  {
    unitCode: TARAZ,
    club: 'Жас заңгерлер',
    kind: TRAINING,
    title: 'Сайлау дауларын қарау: жас заңгерлер практикумы',
    description: 'Сайлау комиссиясының шешіміне шағымдану рәсімі: оқу соты форматында практикалық сабақ.',
    venue: V.dulatiLaw,
    capacity: 40,
    when: { season: 0.96 },
    at: '14:00',
    hours: 2,
  },
  // --- Taraz, coming
  {
    unitCode: TARAZ,
    club: 'Дулати жас сайлаушылары',
    kind: DEBATE,
    title: 'Дебат: электрондық дауыс беру керек пе?',
    description:
      'Электрондық дауыс беру: ыңғайлылық па, әлде қауіп пе? Екі команда халықаралық тәжірибені талқылайды. Орын саны шектеулі.',
    venue: V.dulati,
    capacity: 40,
    when: { inDays: 6 },
    at: '15:00',
    hours: 2,
    waitlist: 12,
  },
  {
    unitCode: TARAZ,
    kind: MEETING,
    title: 'Тараз қалалық сайлау комиссиясының төрағасымен кездесу',
    description:
      'Жастар комиссия төрағасына сайлау туралы кез келген сұрағын қоя алады. Сұрақтарды алдын ала жіберуге болады.',
    venue: V.akimat,
    capacity: 150,
    when: { inDays: 20 },
    at: '11:00',
    hours: 2,
  },

  // --- Baizak
  {
    unitCode: 'zhambyl.baizak',
    club: 'Байзақ жастары',
    kind: QUIZ,
    title: 'Байзақ жастары: сайлау туралы не білеміз?',
    description: 'Әлемдік сайлау күніне арналған командалық викторина.',
    venue: V.sarykemer,
    capacity: 60,
    when: { wed: -2 },
    at: '14:00',
    hours: 1.5,
  },
  {
    unitCode: 'zhambyl.baizak',
    kind: MEETING,
    title: 'Сарыкемер жастарының аудандық сайлау комиссиясымен кездесуі',
    description:
      'Аудандық комиссия мүшелері сайлаушылар тізімі, учаскелер және дауыс беру тәртібі туралы айтады.',
    venue: V.baizakCulture,
    capacity: 150,
    when: { season: 0.48 },
    at: '11:00',
    hours: 2,
  },
  // --- Zhambyl district
  {
    unitCode: 'zhambyl.zhambyl',
    club: 'Асы сайлау клубы',
    kind: MOCK_ELECTION,
    title: 'Аса орта мектебіндегі жасанды сайлау',
    description:
      'Мектеп президентін сайлау: оқушылардан құралған учаскелік комиссия, бюллетеньдер мен дауыс санау.',
    venue: V.asaSchool,
    capacity: 150,
    when: { wed: -1 },
    at: '10:00',
    hours: 3,
  },
  {
    unitCode: 'zhambyl.zhambyl',
    club: 'Асы сайлау клубы',
    kind: DEBATE,
    title: 'Дебат: ауыл жастары неге сайлауға бармайды?',
    description: 'Ауыл жастарының сайлауға белсенділігін қалай арттыруға болады? Ашық пікірсайыс.',
    venue: V.asaYouth,
    capacity: 50,
    when: { season: 0.62 },
    at: '15:00',
    hours: 2,
  },
  // --- Zhualy
  {
    unitCode: 'zhambyl.zhualy',
    kind: FORUM,
    title: 'Жуалы аудандық жастар форумы',
    description: 'Аудан жастарының форумы: сайлау, еріктілік, ауыл жастарының бастамалары.',
    venue: V.zhualyCulture,
    capacity: 250,
    when: { season: 0.26 },
    at: '10:00',
    hours: 4,
  },
  {
    unitCode: 'zhambyl.zhualy',
    club: 'Жуалы жас сайлаушылары',
    kind: TRAINING,
    title: 'Сайлау бюллетенін дұрыс толтыру: практикалық сабақ',
    description: 'Бюллетеньдің үлгісімен жұмыс: қандай бюллетень жарамсыз деп танылады және неге.',
    venue: V.zhualyCollege,
    capacity: 40,
    when: { season: 0.74 },
    at: '14:00',
    hours: 1.5,
  },
  // --- Kordai
  {
    unitCode: 'zhambyl.kordai',
    club: 'Қордай дебат клубы',
    kind: DEBATE,
    title: 'Қордай дебат лигасы: сайлау науқанындағы әлеуметтік желілердің рөлі',
    description: 'Әлемдік сайлау күніне арналған аудандық дебат лигасының ойыны.',
    venue: V.kordaiCollege,
    capacity: 80,
    when: { wed: 0 },
    at: '15:00',
    hours: 2,
  },
  {
    unitCode: 'zhambyl.kordai',
    club: 'Отар жастары',
    kind: MOCK_ELECTION,
    title: 'Отар мектебіндегі жасанды сайлау',
    description: 'Оқушылар өзін-өзі басқару кеңесін сайлайды; сайлауды аудандық комиссия мүшелері бақылайды.',
    venue: V.otarSchool,
    capacity: 150,
    when: { season: 0.36 },
    at: '10:00',
    hours: 3,
  },
  {
    unitCode: 'zhambyl.kordai',
    club: 'Отар жастары',
    kind: QUIZ,
    title: 'Сайлау құқығы: Отар оқушыларына арналған викторина',
    description: '7-11 сынып оқушыларына арналған викторина.',
    venue: V.otarSchool,
    capacity: 60,
    when: { season: 0.82 },
    at: '14:00',
    hours: 1.5,
  },
  {
    unitCode: 'zhambyl.kordai',
    club: 'Қордай дебат клубы',
    kind: MOCK_ELECTION,
    title: 'Қордай колледжіндегі жасанды сайлау',
    description:
      'Колледждің студенттік кеңесіне сайлау. Дауыс беруге колледж студенттері мен клуб мүшелері шақырылады.',
    venue: V.kordaiCollege,
    capacity: 200,
    when: { inDays: 15 },
    at: '10:00',
    hours: 3,
  },
  // --- Merke
  {
    unitCode: 'zhambyl.merke',
    club: 'Меркі жас сайлаушылары',
    kind: DEBATE,
    title: 'Дебат: сайлауға қатысу — азаматтық парыз ба?',
    description: 'Меркі колледжінің студенттері арасындағы дебат.',
    venue: V.merkeCollege,
    capacity: 60,
    when: { season: 0.07 },
    at: '15:00',
    hours: 2,
  },
  {
    unitCode: 'zhambyl.merke',
    club: 'Меркі мектеп клубы',
    kind: MOCK_ELECTION,
    title: 'Меркі мектеп-лицейіндегі мектеп парламентіне сайлау',
    description: 'Мектеп парламентіне сайлау: үгіт апталығы, кандидаттардың дебаты және дауыс беру күні.',
    venue: V.merkeLyceum,
    capacity: 200,
    when: { wed: -3 },
    at: '10:00',
    hours: 3,
  },
  {
    unitCode: 'zhambyl.merke',
    club: 'Меркі жас сайлаушылары',
    kind: TRAINING,
    title: 'Меркі жастарына арналған сайлау тренингі',
    description: 'Сайлау жүйесінің негіздері, учаскелік комиссияның жұмысы, бақылаушы болу.',
    venue: V.merkeCollege,
    capacity: 50,
    when: { season: 0.54 },
    at: '14:00',
    hours: 2,
  },
  {
    unitCode: 'zhambyl.merke',
    kind: FORUM,
    title: 'Меркі жастар форумы: белсенді азамат',
    description: 'Аудан жастарының форумы: сайлауға қатысу, жергілікті өзін-өзі басқару, жастар бастамалары.',
    venue: V.merkeCulture,
    capacity: 250,
    when: { inDays: 27 },
    at: '10:00',
    hours: 4,
  },
  // --- Moiynkum
  {
    unitCode: 'zhambyl.moiynkum',
    club: 'Мойынқұм клубы',
    kind: QUIZ,
    title: 'Мойынқұм: сайлау тарихы викторинасы',
    description: 'Қазақ даласындағы сайлау дәстүрлерінен бүгінгі сайлауға дейін.',
    venue: V.moiynkumSchool,
    capacity: 40,
    when: { season: 0.46 },
    at: '14:00',
    hours: 1.5,
  },
  {
    unitCode: 'zhambyl.moiynkum',
    kind: MEETING,
    title: 'Мойынқұм жастарының аудандық сайлау комиссиясымен кездесуі',
    description:
      'Комиссия мүшелері сайлау учаскелерінің жұмысы және жастарды комиссия резервіне қабылдау туралы айтады.',
    venue: V.moiynkumAkimat,
    capacity: 80,
    when: { season: 0.88 },
    at: '11:00',
    hours: 2,
  },
  {
    unitCode: 'zhambyl.moiynkum',
    club: 'Мойынқұм клубы',
    kind: MEETING,
    title: 'Мойынқұм: жастар және жергілікті өзін-өзі басқару',
    description: 'Ауылдық округ әкімі және мәслихат депутаттарымен кездесу.',
    venue: V.moiynkumAkimat,
    capacity: 60,
    when: { inDays: 10 },
    at: '11:00',
    hours: 2,
    cancelReason:
      'Ауа райының қолайсыздығына (қатты боран, жолдардың жабылуына) байланысты кездесу кейінге қалдырылды. Жаңа күні бөлек хабарланады.',
  },
  // --- Sarysu
  {
    unitCode: 'zhambyl.sarysu',
    club: 'Жаңатас жастары',
    kind: DEBATE,
    title: 'Жаңатас колледжіндегі дебат: онлайн дауыс беру қауіпсіз бе?',
    description: 'Онлайн дауыс берудің артықшылықтары мен қауіптері туралы студенттер дебаты.',
    venue: V.zhanatasCollege,
    capacity: 60,
    when: { season: 0.2 },
    at: '15:00',
    hours: 2,
  },
  {
    unitCode: 'zhambyl.sarysu',
    kind: MEETING,
    title: 'Жаңатас: аумақтық комиссия мүшелерімен кездесу',
    description: 'Әлемдік сайлау күні аясында Жаңатас жастарының аумақтық сайлау комиссиясымен кездесуі.',
    venue: V.zhanatasCulture,
    capacity: 80,
    when: { wed: 1 },
    at: '11:00',
    hours: 2,
  },
  {
    unitCode: 'zhambyl.sarysu',
    club: 'Саудакент клубы',
    kind: MOCK_ELECTION,
    title: 'Саудакент мектебіндегі жасанды сайлау',
    description: 'Мектеп президентін сайлау: оқушылар комиссиясы, бюллетеньдер, ашық дауыс санау.',
    venue: V.saudakentSchool,
    capacity: 150,
    when: { season: 0.68 },
    at: '10:00',
    hours: 3,
  },
  // --- Talas
  {
    unitCode: 'zhambyl.talas',
    club: 'Қаратау жас сайлаушылары',
    kind: TRAINING,
    title: 'Қаратау: жас бақылаушылар мектебі',
    description: 'Бақылаушыларға арналған бастапқы курс: заңнама, учаскедегі тәртіп, хаттамамен жұмыс.',
    venue: V.karatauCollege,
    capacity: 40,
    when: { season: 0.14 },
    at: '14:00',
    hours: 3,
  },
  {
    unitCode: 'zhambyl.talas',
    club: 'Қаратау жас сайлаушылары',
    kind: MEETING,
    title: 'Қаратау жастарымен Әлемдік сайлау күніндегі кездесу',
    description:
      'Қаратау жастары аудандық сайлау комиссиясының мүшелерімен бірге Әлемдік сайлау күнін атап өтеді.',
    venue: V.karatauCulture,
    capacity: 90,
    when: { wed: 0 },
    at: '14:00',
    hours: 2,
  },
  {
    unitCode: 'zhambyl.talas',
    club: 'Қаратау жас сайлаушылары',
    kind: TRAINING,
    title: 'Қаратау: бақылаушыларға арналған екінші деңгей тренингі',
    description: 'Бастапқы курсты бітіргендерге: дауыстарды санау кезіндегі бақылау, шағым жазу.',
    venue: V.karatauCollege,
    capacity: 50,
    when: { inDays: 35 },
    at: '10:00',
    hours: 3,
    draft: true,
  },
  // --- T. Ryskulov
  {
    unitCode: 'zhambyl.ryskulov',
    club: 'Құлан жастары',
    kind: DEBATE,
    title: 'Құлан колледжіндегі дебат: жастар партиясы керек пе?',
    description: 'Колледж студенттерінің ашық дебаты, көрермендер дауысымен жеңімпаз анықталады.',
    venue: V.kulanCollege,
    capacity: 50,
    when: { season: 0.32 },
    at: '15:00',
    hours: 2,
  },
  {
    unitCode: 'zhambyl.ryskulov',
    club: 'Құлан жастары',
    kind: QUIZ,
    title: 'Сайлау туралы зияткерлік ойын: Құлан',
    description: 'Аудан мектептері мен колледжінің командалары арасындағы зияткерлік ойын.',
    venue: V.kulanCollege,
    capacity: 60,
    when: { season: 0.78 },
    at: '14:00',
    hours: 1.5,
  },
  // --- Shu
  {
    unitCode: 'zhambyl.shu',
    club: 'Төле би жастары',
    kind: MOCK_ELECTION,
    title: 'Төле би мектеп-гимназиясындағы жасанды сайлау',
    description: 'Әлемдік сайлау күні қарсаңында оқушылар мектеп президентін сайлайды.',
    venue: V.toleBiSchool,
    capacity: 150,
    when: { wed: -2 },
    at: '10:00',
    hours: 3,
  },
  {
    unitCode: 'zhambyl.shu',
    kind: FORUM,
    title: 'Шу аудандық жастар форумы',
    description: 'Аудан жастарының форумы: сайлауға қатысу, жастар саясаты, ауыл жастарының бастамалары.',
    venue: V.shuCulture,
    capacity: 250,
    when: { season: 0.42 },
    at: '10:00',
    hours: 4,
  },
  {
    unitCode: 'zhambyl.shu',
    club: 'Шу жас сайлаушылары',
    kind: QUIZ,
    title: 'Шу: сайлау құқығы бойынша зияткерлік ойын',
    description: 'Колледж бен мектеп командаларына арналған зияткерлік ойын.',
    venue: V.shuCollege,
    capacity: 60,
    when: { inDays: 12 },
    at: '15:00',
    hours: 1.5,
  },
];

/** A demo member as the season sees it. */
export interface SeasonMember {
  id: string;
  joinedAt: Date;
  unitCode: string | null;
  /** indexes into DEMO_CLUBS */
  clubs: number[];
  /** the demo student: a regular at events */
  regular?: boolean;
}

export interface SeasonContext {
  now: Date;
  unitIds: ReadonlyMap<string, string>;
  /** ids of DEMO_CLUBS, by index */
  clubIds: readonly string[];
  /** the coordinator of each demo club, by index */
  coordinatorIds: readonly string[];
  /** commission officers: the region's and Taraz's */
  regionOfficerId: string;
  tarazOfficerId: string;
  members: readonly SeasonMember[];
}

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const at = (day: string, hhmm: string) => parseDateTime(`${day}T${hhmm}`)!;

/** Days with no youth events: Sundays, the summer break and public holidays. */
function isQuietDay(day: string): boolean {
  const md = day.slice(5);
  if (new Date(`${day}T00:00:00Z`).getUTCDay() === 0) return true;
  if (md >= '06-15' && md <= '08-25') return true;
  if (md >= '12-29' || md <= '01-08') return true;
  if (md >= '03-20' && md <= '03-24') return true; // Nauryz
  return ['03-08', '05-01', '05-07', '05-09', '10-25', '12-16'].includes(md);
}

/** The season's past school days, from `from` to two days before `now`, except World Elections Day's week. */
function pastSchoolDays(from: number, now: Date, wed: string): string[] {
  const wedMs = Date.parse(`${wed}T00:00:00Z`);
  const end = Date.parse(`${localDate(now)}T00:00:00Z`) - 2 * DAY;
  const days: string[] = [];
  for (let ms = Date.parse(`${ymd(from)}T00:00:00Z`); ms <= end; ms += DAY) {
    if (Math.abs(ms - wedMs) <= 8 * DAY) continue; // that week has its own events
    if (!isQuietDay(ymd(ms))) days.push(ymd(ms));
  }
  return days;
}

/** The first day on or after `day` (a 'YYYY-MM-DD') that is not quiet. */
function nextSchoolDay(day: string): string {
  let ms = Date.parse(`${day}T00:00:00Z`);
  while (isQuietDay(ymd(ms))) ms += DAY;
  return ymd(ms);
}

interface Planned {
  def: DemoSeasonEvent;
  event: ImportedEvent;
  host: number;
  staffId: string;
  /** registrations are taken until then */
  closes: number;
}

/**
 * Turns DEMO_SEASON into events with their registrations, relative to `ctx.now`. Deterministic:
 * the same members and clock give the same season. Past events are COMPLETED with 70-85% of their
 * registrants ATTENDED (the rest NO_SHOW, a few CANCELLED); coming ones are PUBLISHED with some
 * registrations, one of them full with a waitlist; one is a DRAFT, one CANCELLED.
 */
export function planDemoSeason(ctx: SeasonContext): ImportedEvent[] {
  const now = ctx.now.getTime();
  const today = Date.parse(`${localDate(ctx.now)}T00:00:00Z`);
  const wed = worldElectionsDay(ctx.now);
  const wedMs = Date.parse(`${wed}T00:00:00Z`);
  // the season runs from the first sign-ups (a week after them) to now
  const opened = Math.min(now - 365 * DAY, ...ctx.members.map((m) => m.joinedAt.getTime()));
  const schoolDays = pastSchoolDays(opened + 7 * DAY, ctx.now, wed);
  const r = rng(2026_02_05 ^ 0x5eed);
  const clubIndex = new Map(DEMO_CLUBS.map((c, i) => [`${c.unitCode}\n${c.name}`, i]));

  const planned = DEMO_SEASON.map((def): Planned => {
    const host = def.club === undefined ? -1 : clubIndex.get(`${def.unitCode}\n${def.club}`);
    if (host === undefined) throw new Error(`demo season: no club «${def.club}» in ${def.unitCode}`);
    const unitId = ctx.unitIds.get(def.unitCode);
    if (!unitId) throw new Error(`demo season: no unit ${def.unitCode}`);
    const staffId =
      host >= 0
        ? ctx.coordinatorIds[host]
        : def.unitCode === TARAZ
          ? ctx.tarazOfficerId
          : ctx.regionOfficerId;
    const day =
      'wed' in def.when
        ? ymd(wedMs + def.when.wed * DAY)
        : 'inDays' in def.when
          ? nextSchoolDay(ymd(today + def.when.inDays * DAY))
          : // the platform grows: events come thicker towards now
            schoolDays[
              Math.min(schoolDays.length - 1, Math.floor(def.when.season ** 0.7 * schoolDays.length))
            ];
    const startsAt = at(day, def.at);
    const endsAt = new Date(startsAt.getTime() + def.hours * HOUR);
    const coming = startsAt.getTime() > now;
    const status = def.draft
      ? EventStatus.DRAFT
      : def.cancelReason
        ? EventStatus.CANCELLED
        : coming
          ? EventStatus.PUBLISHED
          : EventStatus.COMPLETED;
    const publishedAt = def.draft
      ? null
      : new Date(
          coming
            ? now - (3 + 6 * r()) * DAY
            : startsAt.getTime() - (def.capacity >= 300 ? 30 : 8 + 14 * r()) * DAY,
        );
    const createdAt = new Date((publishedAt?.getTime() ?? now - 2 * DAY) - (1 + 2 * r()) * DAY);
    const cancelledAt = def.cancelReason ? new Date(now - (1 + r()) * DAY) : null;
    return {
      def,
      host,
      staffId,
      closes: Math.min(startsAt.getTime() - 3 * HOUR, cancelledAt?.getTime() ?? now) - 5 * MINUTE,
      event: {
        title: def.title,
        description: def.description,
        kind: def.kind,
        status,
        unitId,
        clubId: host >= 0 ? ctx.clubIds[host] : null,
        venue: def.venue,
        startsAt,
        endsAt,
        timeZone: 'Asia/Almaty',
        capacity: def.capacity,
        createdBy: staffId,
        createdAt,
        publishedAt,
        completedAt: status === EventStatus.COMPLETED ? new Date(endsAt.getTime() + 90_000) : null,
        cancelledAt,
        cancelReason: def.cancelReason ?? null,
        registrations: [],
      },
    };
  });

  // how often each member comes: most now and then, some often, a few to nearly everything
  const activity = ctx.members.map((m) => {
    const u = r();
    const a = u < 0.03 ? 8 + 8 * r() : u < 0.15 ? 2.5 + 2.5 * r() : 0.6 + 0.8 * r();
    return m.regular ? 12 : a;
  });
  const reliability = activity.map((a) => Math.min(0.97, 0.6 + a / 10));
  const registered = ctx.members.map(() => 0);
  const scale = Math.min(1, ctx.members.length / 3000);
  // in the order they happened, so that whoever has not come yet is known at each event
  for (const p of [...planned].sort((a, b) => a.event.startsAt.getTime() - b.event.startsAt.getTime())) {
    if (p.event.status !== EventStatus.DRAFT) p.event.registrations = register(p);
  }
  return planned.map((p) => p.event);

  function register({ def, event, host, staffId, closes }: Planned): ImportedRegistration[] {
    const startsAt = event.startsAt.getTime();
    const publishedAt = event.publishedAt!.getTime();
    // members of the host club first, then of its unit; region-wide events draw everyone
    const local = (m: SeasonMember) => {
      if (def.unitCode === REGION) return m.unitCode === TARAZ || m.unitCode === REGION ? 1.3 : 1;
      if (host >= 0 && m.clubs.includes(host)) return 10;
      if (m.unitCode === def.unitCode) return host >= 0 ? 2.5 : 4;
      if (def.unitCode === TARAZ) return m.unitCode === REGION ? 1 : 0.15;
      return 0.03;
    };
    // a member who has never registered is keen to come to a first event
    const eager = (i: number) => (registered[i] ? 1 : 16);
    const fill = def.waitlist
      ? 1
      : event.status === EventStatus.COMPLETED
        ? 0.8 + 0.18 * r()
        : event.status === EventStatus.CANCELLED
          ? 0.3 + 0.2 * r()
          : 0.25 + 0.4 * r();
    const wanted = def.waitlist
      ? def.capacity + def.waitlist
      : Math.min(def.capacity, Math.max(3, Math.round(def.capacity * fill * scale)));
    const chosen = ctx.members
      .map((m, i) => ({ m, i }))
      .filter(({ m }) => m.joinedAt.getTime() < closes - HOUR)
      .map(({ m, i }) => ({ m, i, key: -Math.log(1 - r()) / (activity[i] * local(m) * eager(i)) }))
      .sort((a, b) => a.key - b.key)
      .slice(0, wanted)
      .map(({ m, i }) => {
        registered[i] += 1;
        const from = Math.max(publishedAt, m.joinedAt.getTime() + 10 * MINUTE);
        return { m, i, createdAt: new Date(from + (closes - from) * r()) };
      })
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

    if (event.status === EventStatus.CANCELLED) {
      return chosen.map(({ m, createdAt }) => ({
        memberId: m.id,
        status: RegistrationStatus.CANCELLED,
        createdAt,
        cancelledAt: event.cancelledAt,
        cancelledBy: staffId,
      }));
    }
    if (event.status === EventStatus.PUBLISHED) {
      // first come, first seated: on the full event the latest are on the waitlist, in order
      return chosen.map(({ m, createdAt }, n): ImportedRegistration => {
        if (n >= def.capacity) return { memberId: m.id, status: RegistrationStatus.WAITLISTED, createdAt };
        if (!def.waitlist && r() < 0.05) {
          const cancelledAt = new Date(createdAt.getTime() + (now - createdAt.getTime()) * r());
          return {
            memberId: m.id,
            status: RegistrationStatus.CANCELLED,
            createdAt,
            cancelledAt,
            cancelledBy: m.id,
          };
        }
        return { memberId: m.id, status: RegistrationStatus.REGISTERED, createdAt };
      });
    }
    // COMPLETED: a few cancelled beforehand; of the others, the more reliable came
    const rate = 0.7 + 0.15 * r();
    const cancelled = new Set(chosen.filter(() => r() < 0.04).map((c) => c.i));
    const stayed = chosen.filter((c) => !cancelled.has(c.i));
    const came = new Set(
      stayed
        .map((c) => ({ i: c.i, key: -Math.log(1 - r()) / reliability[c.i] }))
        .sort((a, b) => a.key - b.key)
        .slice(0, Math.round(rate * stayed.length))
        .map((c) => c.i),
    );
    return chosen.map(({ m, i, createdAt }): ImportedRegistration => {
      if (cancelled.has(i)) {
        const cancelledAt = new Date(createdAt.getTime() + (startsAt - createdAt.getTime()) * r());
        return {
          memberId: m.id,
          status: RegistrationStatus.CANCELLED,
          createdAt,
          cancelledAt,
          cancelledBy: m.id,
        };
      }
      if (!came.has(i)) return { memberId: m.id, status: RegistrationStatus.NO_SHOW, createdAt };
      const scanned = Math.min(event.endsAt.getTime(), startsAt + (-30 + 60 * r()) * MINUTE);
      return {
        memberId: m.id,
        status: RegistrationStatus.ATTENDED,
        createdAt,
        checkedInAt: new Date(scanned),
        checkedInBy: staffId,
      };
    });
  }
}
