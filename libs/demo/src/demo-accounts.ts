import { Role } from '@yvc/identity';

/** One password for every demo account; printed by `npm start`. Never use demo data in production. */
export const DEMO_PASSWORD = 'Demo-2026!';

export interface DemoAccount {
  email: string;
  fullName: string;
  role: Role;
  unitCode: string;
  /** index into DEMO_CLUBS for a coordinator of one club */
  clubIndex?: number;
  note: string;
}

export const DEMO_STAFF: DemoAccount[] = [
  {
    email: 'admin@demo.yvc.kz',
    fullName: 'Әкімші Жүйе',
    role: Role.ADMIN,
    unitCode: 'zhambyl',
    note: 'platform administrator',
  },
  {
    email: 'commission@demo.yvc.kz',
    fullName: 'Гүлмира Сәрсенбаева',
    role: Role.COMMISSION,
    unitCode: 'zhambyl',
    note: 'regional commission officer (Zhambyl region)',
  },
  {
    email: 'commission.taraz@demo.yvc.kz',
    fullName: 'Ерлан Жақыпов',
    role: Role.COMMISSION,
    unitCode: 'zhambyl.taraz',
    note: 'Taraz city commission officer',
  },
];

/** The student everyone can log in as. */
export const DEMO_STUDENT_EMAIL = 'student@demo.yvc.kz';

export const coordinatorEmail = (clubIndex: number) =>
  `coordinator${String(clubIndex + 1).padStart(2, '0')}@demo.yvc.kz`;
