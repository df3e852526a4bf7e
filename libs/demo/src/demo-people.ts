/** Names for demo members: common Kazakh and Russian names in Cyrillic, as used in Zhambyl region. */
export const KAZAKH_MALE = [
  'Айбек',
  'Алихан',
  'Арман',
  'Асылбек',
  'Ерасыл',
  'Ержан',
  'Жандос',
  'Қайрат',
  'Нұрсұлтан',
  'Мирас',
  'Әлихан',
  'Бауыржан',
  'Данияр',
  'Ерлан',
  'Ғалымжан',
  'Ілияс',
  'Темірлан',
  'Санжар',
  'Нұрлан',
  'Өмірзақ',
  'Рауан',
  'Серік',
  'Тимур',
  'Ұланбек',
  'Ақжол',
  'Абылай',
  'Дәурен',
  'Бекзат',
  'Нұрбол',
  'Мақсат',
];
export const KAZAKH_FEMALE = [
  'Аружан',
  'Айгерім',
  'Ақбота',
  'Әсел',
  'Дана',
  'Жанерке',
  'Іңкәр',
  'Мөлдір',
  'Гүлназ',
  'Назерке',
  'Аяулым',
  'Балжан',
  'Дильназ',
  'Жансая',
  'Қарлығаш',
  'Малика',
  'Нұрай',
  'Сабина',
  'Томирис',
  'Ұлжан',
  'Әйгерім',
  'Гүлдана',
  'Еркеназ',
  'Зере',
  'Айдана',
  'Аңсар',
  'Меруерт',
  'Салтанат',
  'Әдемі',
  'Ботагөз',
];
/** Surname stems; men take -ов/-ев, women -ова/-ева (e.g. Нұрланов / Нұрланова). */
export const KAZAKH_SURNAME_STEMS = [
  'Әбдірахман',
  'Ахмет',
  'Байжан',
  'Бекмұхамбет',
  'Жақып',
  'Жұмабай',
  'Қасым',
  'Құдайберген',
  'Мұхаметжан',
  'Нұрлан',
  'Оспан',
  'Омар',
  'Сәрсенбай',
  'Серікбай',
  'Тоқтар',
  'Төлеген',
  'Ұзақ',
  'Шәріп',
  'Ысқақ',
  'Есенбай',
  'Әлімжан',
  'Бақыт',
  'Дүйсен',
  'Ержан',
  'Ибрагим',
  'Қалдыбай',
  'Мамыр',
  'Сейіт',
  'Тұрсын',
  'Үсен',
];
export const RUSSIAN_MALE = [
  'Александр',
  'Дмитрий',
  'Максим',
  'Артём',
  'Иван',
  'Никита',
  'Сергей',
  'Андрей',
  'Егор',
  'Илья',
];
export const RUSSIAN_FEMALE = [
  'Анастасия',
  'Дарья',
  'Екатерина',
  'Мария',
  'Полина',
  'Виктория',
  'Алина',
  'Ксения',
  'Софья',
  'Юлия',
];
export const RUSSIAN_SURNAMES_MALE = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Ким',
  'Пак',
  'Цой',
  'Шевченко',
  'Бондаренко',
  'Ковальчук',
];

/** Feminine form of a Russian-style surname (Иванов -> Иванова); others stay as they are. */
export function feminineSurname(male: string): string {
  return /(ов|ев|ин|ёв)$/.test(male) ? `${male}а` : male;
}

/** A small seeded PRNG (mulberry32), so the demo data is the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

export interface DemoPerson {
  fullName: string;
  sex: 'M' | 'F';
}

/** About 4 in 5 demo members have Kazakh names, 1 in 5 Russian (or Korean) ones. */
export function demoPerson(r: () => number): DemoPerson {
  const sex = r() < 0.52 ? 'F' : 'M';
  if (r() < 0.8) {
    const stem = pick(r, KAZAKH_SURNAME_STEMS);
    const masc = stem.endsWith('й')
      ? `${stem.slice(0, -1)}ев`
      : /[аеиоуыэюяәөүұі]$/.test(stem)
        ? `${stem}в`
        : `${stem}ов`;
    const surname = sex === 'F' ? `${masc}а` : masc;
    return { fullName: `${pick(r, sex === 'F' ? KAZAKH_FEMALE : KAZAKH_MALE)} ${surname}`, sex };
  }
  const male = pick(r, RUSSIAN_SURNAMES_MALE);
  const surname = sex === 'F' ? feminineSurname(male) : male;
  return { fullName: `${pick(r, sex === 'F' ? RUSSIAN_FEMALE : RUSSIAN_MALE)} ${surname}`, sex };
}
