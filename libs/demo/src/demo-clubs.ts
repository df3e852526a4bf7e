import { InstitutionKind } from '@yvc/org';

export interface DemoClub {
  unitCode: string;
  name: string;
  institution: string;
  institutionKind: InstitutionKind;
}

const U = InstitutionKind.UNIVERSITY;
const C = InstitutionKind.COLLEGE;
const S = InstitutionKind.SCHOOL;

/** About 25 clubs hosted by the kinds of institutions that host them in Taraz and the districts. */
export const DEMO_CLUBS: DemoClub[] = [
  {
    unitCode: 'zhambyl',
    name: 'Өңірлік жас сайлаушылар клубы',
    institution: 'Жамбыл облыстық аумақтық сайлау комиссиясы',
    institutionKind: InstitutionKind.OTHER,
  },
  {
    unitCode: 'zhambyl.taraz',
    name: 'Дулати жас сайлаушылары',
    institution: 'М.Х. Дулати атындағы Тараз өңірлік университеті',
    institutionKind: U,
  },
  {
    unitCode: 'zhambyl.taraz',
    name: 'ТИГУ сайлау клубы',
    institution: 'Тараз инновациялық-гуманитарлық университеті',
    institutionKind: U,
  },
  {
    unitCode: 'zhambyl.taraz',
    name: 'Жас заңгерлер',
    institution: 'Тараз өңірлік университетінің заң факультеті',
    institutionKind: U,
  },
  {
    unitCode: 'zhambyl.taraz',
    name: 'Медколледж сайлаушылары',
    institution: 'Жамбыл жоғары медициналық колледжі',
    institutionKind: C,
  },
  {
    unitCode: 'zhambyl.taraz',
    name: 'Политех жастары',
    institution: 'Тараз политехникалық колледжі',
    institutionKind: C,
  },
  {
    unitCode: 'zhambyl.taraz',
    name: 'Гуманитарлық колледж клубы',
    institution: 'Жамбыл гуманитарлық-техникалық колледжі',
    institutionKind: C,
  },
  {
    unitCode: 'zhambyl.taraz',
    name: 'Дарын дебат клубы',
    institution: '«Дарын» мамандандырылған мектеп-интернаты',
    institutionKind: S,
  },
  {
    unitCode: 'zhambyl.taraz',
    name: 'НЗМ жас сайлаушылары',
    institution: 'Тараз қаласындағы Назарбаев Зияткерлік мектебі',
    institutionKind: S,
  },
  {
    unitCode: 'zhambyl.taraz',
    name: 'Бірлік мектеп клубы',
    institution: 'Тараз қаласының №45 мектеп-гимназиясы',
    institutionKind: S,
  },
  {
    unitCode: 'zhambyl.baizak',
    name: 'Байзақ жастары',
    institution: 'Сарыкемер аграрлық колледжі',
    institutionKind: C,
  },
  {
    unitCode: 'zhambyl.zhambyl',
    name: 'Асы сайлау клубы',
    institution: 'Жамбыл ауданының Аса орта мектебі',
    institutionKind: S,
  },
  {
    unitCode: 'zhambyl.zhualy',
    name: 'Жуалы жас сайлаушылары',
    institution: 'Б. Момышұлы ауылындағы көпсалалы колледж',
    institutionKind: C,
  },
  {
    unitCode: 'zhambyl.kordai',
    name: 'Қордай дебат клубы',
    institution: 'Қордай аграрлық-техникалық колледжі',
    institutionKind: C,
  },
  {
    unitCode: 'zhambyl.kordai',
    name: 'Отар жастары',
    institution: 'Отар ауылының орта мектебі',
    institutionKind: S,
  },
  {
    unitCode: 'zhambyl.merke',
    name: 'Меркі жас сайлаушылары',
    institution: 'Меркі аграрлық-техникалық колледжі',
    institutionKind: C,
  },
  {
    unitCode: 'zhambyl.moiynkum',
    name: 'Мойынқұм клубы',
    institution: 'Мойынқұм ауылының №1 орта мектебі',
    institutionKind: S,
  },
  {
    unitCode: 'zhambyl.sarysu',
    name: 'Жаңатас жастары',
    institution: 'Жаңатас көпсалалы колледжі',
    institutionKind: C,
  },
  {
    unitCode: 'zhambyl.sarysu',
    name: 'Саудакент клубы',
    institution: 'Саудакент ауылының орта мектебі',
    institutionKind: S,
  },
  {
    unitCode: 'zhambyl.talas',
    name: 'Қаратау жас сайлаушылары',
    institution: 'Қаратау тау-кен колледжі',
    institutionKind: C,
  },
  {
    unitCode: 'zhambyl.ryskulov',
    name: 'Құлан жастары',
    institution: 'Т. Рысқұлов ауданының Құлан колледжі',
    institutionKind: C,
  },
  {
    unitCode: 'zhambyl.shu',
    name: 'Шу жас сайлаушылары',
    institution: 'Шу көпсалалы колледжі',
    institutionKind: C,
  },
  {
    unitCode: 'zhambyl.shu',
    name: 'Төле би жастары',
    institution: 'Төле би ауылының мектеп-гимназиясы',
    institutionKind: S,
  },
  {
    unitCode: 'zhambyl.taraz',
    name: 'Еріктілер және сайлау',
    institution: 'Тараз қалалық жастар ресурстық орталығы',
    institutionKind: InstitutionKind.OTHER,
  },
  {
    unitCode: 'zhambyl.merke',
    name: 'Меркі мектеп клубы',
    institution: 'Меркі ауылының №2 мектеп-лицейі',
    institutionKind: S,
  },
];
