import type { UploadMessages } from '../messages/types.js';

/**
 * Arabic messages, laid out right to left:
 * `import { ar } from '@tollgate/widget/locales/ar'; upload.messages = ar;`
 */
export const ar: UploadMessages = {
  lang: 'ar',
  dir: 'rtl',
  prompt: 'أفلت الملفات هنا أو الصقها أو اضغط للاختيار',
  dropHere: 'أفلت لإضافة الملفات',
  acceptHint: (types) => `الأنواع المقبولة: ${types}`,
  sizeHint: (size) => `حتى ${size} لكل ملف`,
  countHint: (count) => `بحد أقصى ${count} ملفات`,
  rejectType: (name, types) => `${name}: نوع الملف غير مقبول (المقبول: ${types}).`,
  rejectSize: (name, size, max) => `حجم ${name} هو ${size}، وهو أكبر من الحد ${max}.`,
  rejectCount: (name, max) => `لم تتم إضافة ${name}: الحد الأقصى ${max} ملفات.`,
  rejectEmpty: (name) => `${name} فارغ.`,
  files: 'الملفات',
  queued: 'في الانتظار',
  uploading: (percent) => `جارٍ الرفع ${percent}`,
  uploaded: 'تم الرفع',
  failed: 'فشل الرفع',
  findings: (errors, warnings) =>
    errors + warnings === 0
      ? 'تم الرفع، لا توجد ملاحظات'
      : `الأخطاء: ${errors}، التحذيرات: ${warnings}`,
  error: 'خطأ',
  warning: 'تحذير',
  billed: 'تمت الفوترة',
  notBilled: 'لم تتم الفوترة',
  networkError: 'تعذّر الوصول إلى الخادم.',
  httpError: (status) => `أجاب الخادم بالرمز ${status}.`,
  overall: (percent) => `التقدّم الإجمالي ${percent}`,
  cancel: 'إلغاء',
  cancelAll: 'إلغاء الكل',
  retry: 'إعادة المحاولة',
  remove: 'إزالة',
  announceStart: (count) => `جارٍ رفع الملفات: ${count}.`,
  announceSuccess: (name, summary) => `${name}: ${summary}.`,
  announceError: (name, reason) => `فشل رفع ${name}: ${reason}`,
  announceComplete: (uploaded, failed) => `اكتمل الرفع: ${uploaded} بنجاح، ${failed} فشل.`,
  valueMissing: 'يُرجى إضافة ملف واحد على الأقل.',
  pending: 'يُرجى الانتظار حتى يكتمل الرفع.',
};
