import { readFileSync } from 'node:fs';

// pdfkit and qrcode are loaded on the first card, not at start: the worker never draws one (issue 15, memory)
const loadPdfKit = async () => (await import('pdfkit')).default;
const loadQrCode = async () => (await import('qrcode')).default;

/** DejaVu Sans covers the Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І); loaded from node_modules at run time. */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
let fonts: { body: Buffer; bold: Buffer } | undefined;
const loadFonts = () => (fonts ??= { body: readFileSync(FONT), bold: readFileSync(FONT_BOLD) });

export interface CertificateCard {
  holderName: string;
  number: string;
  club: string | null;
  issuedAt: Date;
  expiresAt: Date;
  issuerName: string;
  verifyUrl: string;
  revoked: boolean;
}

/** 31.12.2027 in Almaty. */
export function cardDate(d: Date): string {
  return new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Asia/Almaty',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(d);
}

/** The QR code of the verify link as PNG (the same bytes are embedded in the PDF). */
export async function certificateQrPng(verifyUrl: string): Promise<Buffer> {
  const QRCode = await loadQrCode();
  return QRCode.toBuffer(verifyUrl, { type: 'png', errorCorrectionLevel: 'L', margin: 4, scale: 4 });
}

/** A membership card (A6 landscape) in Kazakh and Russian with the QR code of the verify link. */
export async function renderCertificatePdf(card: CertificateCard): Promise<Buffer> {
  const qr = await certificateQrPng(card.verifyUrl);
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: [595, 420],
    margin: 24,
    info: { Title: `Мүшелік куәлігі / Членский сертификат ${card.number}`, Author: card.issuerName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { body, bold } = loadFonts();
  doc.registerFont('body', body);
  doc.registerFont('bold', bold);

  doc.rect(12, 12, 571, 396).lineWidth(2).stroke('#1d4e89');
  doc.font('bold').fontSize(16).fillColor('#1d4e89');
  doc.text('Жас сайлаушылар клубы', 24, 26, { width: 547, align: 'center' });
  doc.font('body').fontSize(11).fillColor('#333333');
  doc.text('Клуб молодых избирателей', { width: 547, align: 'center' });
  doc.font('bold').fontSize(13).fillColor('#000000');
  doc.text('МҮШЕЛІК КУӘЛІГІ / ЧЛЕНСКИЙ СЕРТИФИКАТ', { width: 547, align: 'center' });

  // photo placeholder
  doc.rect(30, 110, 90, 115).lineWidth(1).dash(3, { space: 3 }).stroke('#888888').undash();
  doc.font('body').fontSize(9).fillColor('#888888').text('Фото', 30, 162, { width: 90, align: 'center' });

  const x = 135;
  const w = 260;
  doc.font('bold').fontSize(15).fillColor('#000000').text(card.holderName, x, 110, { width: w });
  const line = (label: string, value: string) => {
    doc.moveDown(0.35);
    doc.font('body').fontSize(8).fillColor('#555555').text(label, { width: w });
    doc.font('bold').fontSize(10.5).fillColor('#000000').text(value, { width: w });
  };
  line('Нөмірі / Номер', card.number);
  line('Клуб', card.club ?? '—');
  line('Берілген күні / Дата выдачи', cardDate(card.issuedAt));
  line('Жарамдылық мерзімі / Действителен до', cardDate(card.expiresAt));
  line('Берген / Выдан', card.issuerName);

  doc.image(qr, 410, 105, { width: 160, height: 160 });
  doc.font('body').fontSize(7).fillColor('#555555');
  doc.text('Тексеру үшін сканерлеңіз / Отсканируйте для проверки', 410, 270, { width: 160, align: 'center' });
  if (card.revoked) {
    doc.font('bold').fontSize(28).fillColor('#c0392b');
    doc.text('ЖАРАМСЫЗ / НЕДЕЙСТВИТЕЛЕН', 24, 350, { width: 547, align: 'center' });
  }
  doc.end();
  return done;
}
