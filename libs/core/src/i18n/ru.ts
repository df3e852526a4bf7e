import type { Catalogue } from './catalogue';
import type { MessageKey } from './en';
import { plural } from './locale';

const chars = (n: string | number) =>
  `${n} ${plural('ru', Number(n), { one: 'символ', few: 'символа', many: 'символов', other: 'символа' })}`;

export const ru: Record<MessageKey, Catalogue[string]> = {
  'labels.anonymisedMember': 'Анонимизированный участник',
  'errors.VALIDATION_FAILED': 'Исправьте отмеченные поля.',
  'errors.INVALID_QUERY': (p) => `Запрос не является корректным GraphQL: ${p.detail}`,
  'errors.QUERY_TOO_COMPLEX': (p) => `Слишком большой запрос (${p.detail}).`,
  'errors.UNAUTHENTICATED': 'Войдите в систему.',
  'errors.FORBIDDEN': 'У вас нет доступа к этому.',
  'errors.NOT_FOUND': 'Не найдено.',
  'errors.RATE_LIMITED': (p) => `Слишком много попыток. Повторите через ${p.seconds} с.`,
  'errors.INTERNAL': (p) => `На нашей стороне произошла ошибка. Код обращения: ${p.errorId}.`,
  'errors.INVALID_CREDENTIALS': 'Неверный email или пароль.',
  'errors.INVALID_REFRESH_TOKEN': 'Сеанс истёк. Войдите снова.',
  'errors.REFRESH_TOKEN_REUSED':
    'Сеанс завершён в целях безопасности: использован старый токен. Войдите снова.',
  'errors.ACCOUNT_INACTIVE': 'Эта учётная запись больше не действует.',
  'errors.EMAIL_TAKEN': 'Учётная запись с этим email уже существует.',
  'errors.IIN_TAKEN': 'Учётная запись с этим ИИН уже существует.',
  'errors.MEMBER_NOT_FOUND': 'Участник не найден.',
  'errors.UNIT_NOT_FOUND': 'Территория не найдена.',
  'errors.CLUB_NOT_FOUND': 'Клуб не найден.',
  'errors.CLUB_ARCHIVED': 'Этот клуб в архиве.',
  'errors.CLUB_NAME_TAKEN': 'Клуб с таким названием уже есть в этой территории.',
  'errors.NOT_STAFF': 'Назначать можно только координаторов и сотрудников комиссии.',
  'validation.required': 'Обязательное поле.',
  'validation.tooShort': (p) => `Не короче ${chars(p.min)}.`,
  'validation.tooLong': (p) => `Не длиннее ${chars(p.max)}.`,
  'validation.invalidName': 'Используйте буквы, пробелы, дефисы, точки и апострофы.',
  'validation.invalidEmail': 'Введите корректный адрес электронной почты.',
  'validation.invalidPhone': 'Введите мобильный номер Казахстана, например +7 701 123 4567.',
  'validation.invalidIin': 'ИИН должен состоять из 12 цифр с верной контрольной цифрой.',
  'validation.iinBirthDateMismatch': 'ИИН не соответствует дате рождения.',
  'validation.invalidDate': 'Введите существующую дату в формате ГГГГ-ММ-ДД.',
  'validation.birthDateInFuture': 'Дата рождения не может быть в будущем.',
  'validation.ageOutOfRange': (p) => `На день регистрации участнику должно быть от ${p.min} до ${p.max} лет.`,
  'validation.consentRequired': 'Необходимо согласие на обработку персональных данных.',
  'validation.guardianRequired': 'Участникам до 18 лет нужно согласие родителя или законного представителя.',
  'validation.passwordTooShort': (p) => `Пароль должен быть не короче ${chars(p.min)}.`,
  'validation.passwordTooLong': (p) => `Пароль должен быть не длиннее ${chars(p.max)}.`,
  'validation.passwordSameAsOld': 'Новый пароль должен отличаться от текущего.',
  'validation.wrongPassword': 'Текущий пароль указан неверно.',
  'validation.unitNotFound': 'Такой территории нет.',
  'validation.clubNotFound': 'Такого клуба нет или он в архиве.',
  'validation.invalidId': 'Некорректный идентификатор.',
  'validation.outOfRange': (p) => `Допустимо от ${p.min} до ${p.max}.`,
  'validation.oneOfRequired': (p) => `Укажите ровно одно из: ${p.fields}.`,
};
