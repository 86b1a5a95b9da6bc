/**
 * The demo portfolio's reference data: four Egyptian-style regions and two dozen clusters of
 * crafts and industries that such offices really work with. Initiatives are generated from it.
 */
export interface DemoCluster {
  code: string;
  nameAr: string;
  nameEn: string;
  sector: string;
  products: string;
  micro: number;
  small: number;
  workers: number;
  formality: 'informal' | 'mixed' | 'formal';
  heritage: boolean;
  absolute: string;
  comparative: string;
  competitive: string;
  /** Axes the office has deliberately left uncovered here, so the matrix shows real gaps. */
  gaps: number[];
}

export interface DemoRegion {
  code: string;
  nameAr: string;
  nameEn: string;
  clusters: DemoCluster[];
}

export const DEMO_SECTORS: Record<string, { ar: string; en: string }> = {
  furniture: { ar: 'الأثاث والصناعات الخشبية', en: 'Furniture and woodwork' },
  textiles: { ar: 'الغزل والنسيج والملابس', en: 'Textiles and garments' },
  carpets: { ar: 'السجاد والكليم اليدوي', en: 'Hand-made carpets and kilims' },
  pottery: { ar: 'الفخار والخزف', en: 'Pottery and ceramics' },
  food: { ar: 'الصناعات الغذائية', en: 'Food processing' },
  leather: { ar: 'الجلود والأحذية', en: 'Leather and footwear' },
  metal: { ar: 'المشغولات المعدنية', en: 'Metalwork' },
  stone: { ar: 'الرخام والأحجار', en: 'Marble and stone' },
  palm: { ar: 'منتجات النخيل والجريد', en: 'Palm products' },
  glass: { ar: 'الزجاج اليدوي', en: 'Hand-blown glass' },
  fishing: { ar: 'الأسماك والتصنيع السمكي', en: 'Fishing and fish processing' },
  embroidery: { ar: 'التطريز والمشغولات اليدوية', en: 'Embroidery and handicrafts' },
};

type C = DemoCluster;
const c = (
  code: string,
  nameAr: string,
  nameEn: string,
  sector: string,
  products: string,
  [micro, small, workers]: [number, number, number],
  formality: C['formality'],
  heritage: boolean,
  [absolute, comparative, competitive]: [string, string, string],
  gaps: number[],
): C => ({
  code,
  nameAr,
  nameEn,
  sector,
  products,
  micro,
  small,
  workers,
  formality,
  heritage,
  absolute,
  comparative,
  competitive,
  gaps,
});

export const DEMO_REGIONS: DemoRegion[] = [
  {
    code: 'DLT',
    nameAr: 'إقليم الدلتا',
    nameEn: 'Delta Region',
    clusters: [
      c('DLT-FUR', 'أثاث دمياط', 'Damietta furniture', 'furniture', 'غرف النوم والسفرة والأنتريه والأثاث المكتبي', [3200, 410, 21000], 'mixed', false, ['توافر الأخشاب المستوردة عبر ميناء دمياط', 'خبرة متوارثة في النجارة والتطعيم والأويمة', 'سمعة تجارية راسخة في السوقين المحلي والعربي'], []),
      c('DLT-CRP', 'سجاد وكليم فوه', 'Fuwwah carpets and kilims', 'carpets', 'السجاد اليدوي الحريري والصوفي والكليم', [640, 35, 3100], 'informal', true, ['تقاليد نسج يدوي تمتد لقرون', 'انخفاض تكلفة العمالة الماهرة', 'تصميمات تراثية مميزة يطلبها السائح'], [2, 3]),
      c('DLT-TEX', 'منسوجات المحلة الكبرى', 'El-Mahalla textiles', 'textiles', 'المفروشات والمناشف والأقمشة القطنية', [1800, 260, 15500], 'mixed', false, ['قرب مناطق زراعة القطن طويل التيلة', 'بنية صناعية قائمة ومصانع غزل كبرى', 'قدرة على الإنتاج الكبير بأسعار منافسة'], [6]),
      c('DLT-DRY', 'ألبان وجبن كفر الشيخ', 'Kafr El-Sheikh dairy', 'food', 'الجبن الأبيض والقريش والزبد', [950, 70, 4200], 'informal', false, ['وفرة الألبان من الثروة الحيوانية المحلية', 'وصفات محلية معروفة', 'قرب أسواق الاستهلاك الكبرى'], [6]),
      c('DLT-PLM', 'منتجات الجريد والخوص بالشرقية', 'Sharqia palm-frond crafts', 'palm', 'الأقفاص والسلال والأثاث الخفيف من الجريد', [520, 12, 1900], 'informal', true, ['وفرة النخيل في القرى', 'مهارات يدوية متوارثة', 'منتج صديق للبيئة منخفض التكلفة'], [1, 2, 5]),
      c('DLT-RCE', 'مضارب الأرز بالدقهلية', 'Dakahlia rice mills', 'food', 'الأرز الأبيض المعبأ ومنتجات التبييض', [210, 95, 2600], 'formal', false, ['مركز زراعة الأرز في مصر', 'قرب المضارب من الحقول', 'تكلفة نقل منخفضة'], [6, 7]),
    ],
  },
  {
    code: 'CAI',
    nameAr: 'إقليم القاهرة الكبرى',
    nameEn: 'Greater Cairo Region',
    clusters: [
      c('CAI-CPR', 'النحاس المشغول بخان الخليلي', 'Khan el-Khalili copperwork', 'metal', 'الأواني والفوانيس والمشغولات النحاسية المنقوشة', [430, 28, 1700], 'mixed', true, ['موقع تاريخي يجذب السائحين', 'حرفيون مهرة في النقش والتكفيت', 'منتج فريد يصعب تقليده'], [2]),
      c('CAI-GLS', 'الزجاج اليدوي بالجمالية', 'Gamaliya hand-blown glass', 'glass', 'الزجاج المنفوخ والقناديل والمشكاوات', [85, 6, 420], 'informal', true, ['أفران تقليدية قائمة منذ عقود', 'مهارة نادرة في النفخ اليدوي', 'طلب سياحي وتصديري على القطع التراثية'], [1, 3, 7]),
      c('CAI-LTH', 'الجلود والأحذية بباب الشعرية', 'Bab el-Shaariya leather and footwear', 'leather', 'الأحذية والحقائب والمنتجات الجلدية', [2100, 190, 12500], 'informal', false, ['قرب المدابغ وتوافر الجلود', 'شبكة ورش متكاملة', 'أسعار منافسة في السوق المحلية'], [6]),
      c('CAI-GRM', 'الملابس الجاهزة بشبرا الخيمة', 'Shubra El-Kheima garments', 'textiles', 'الملابس الجاهزة والتريكو', [2600, 340, 18000], 'mixed', false, ['تكتل صناعي كبير قرب العاصمة', 'عمالة وفيرة', 'سرعة الاستجابة للطلب المحلي'], [6]),
      c('CAI-MRB', 'الرخام والجرانيت بشق الثعبان', 'Shaq el-Thoaban marble and granite', 'stone', 'ألواح الرخام والجرانيت المصقولة', [700, 220, 9000], 'informal', false, ['قرب المحاجر في الصحراء الشرقية', 'أكبر تجمع لتشغيل الرخام في المنطقة', 'قدرة على التصدير إلى أسواق الخليج'], [5, 6]),
      c('CAI-ARB', 'الأرابيسك والصدف بالقاهرة التاريخية', 'Historic Cairo arabesque and mother-of-pearl', 'furniture', 'المشربيات والعلب المطعمة بالصدف', [260, 14, 980], 'informal', true, ['حرفة مرتبطة بالعمارة الإسلامية', 'حرفيون ذوو خبرة طويلة', 'قيمة فنية عالية للمنتج'], [2, 4]),
    ],
  },
  {
    code: 'UEG',
    nameAr: 'إقليم الصعيد',
    nameEn: 'Upper Egypt Region',
    clusters: [
      c('UEG-POT', 'فخار قرية تونس بالفيوم', 'Tunis village pottery, Fayoum', 'pottery', 'الأواني الخزفية المرسومة يدويًا والديكورات', [120, 8, 450], 'mixed', true, ['طمي بحيرة قارون', 'مدرسة فنية معروفة في الخزف', 'إقبال سياحي وتصديري'], [7]),
      c('UEG-ALB', 'الألباستر بالقرنة', 'Qurna alabaster, Luxor', 'stone', 'التماثيل والأواني الألباستر', [310, 10, 1200], 'informal', true, ['قرب المواقع الأثرية ومحاجر الألباستر', 'حرفة عائلية متوارثة', 'سوق سياحية مباشرة'], [2, 5]),
      c('UEG-DAT', 'تمور الوادي الجديد', 'New Valley dates', 'food', 'التمور المعبأة والعجوة ومشتقاتها', [480, 40, 3300], 'mixed', false, ['أصناف تمور نادرة في الواحات', 'مناخ جاف يلائم التجفيف', 'إمكانية الحصول على شهادات عضوية'], [6]),
      c('UEG-CRP', 'كليم بني عديات بأسيوط', 'Beni Adi kilims, Assiut', 'carpets', 'الكليم والسجاد الصوفي اليدوي', [350, 9, 1400], 'informal', true, ['خامات صوف محلية', 'نقوش صعيدية أصيلة', 'تكلفة إنتاج منخفضة'], [1, 2, 3]),
      c('UEG-SUG', 'العسل الأسود بنجع حمادي', 'Nag Hammadi molasses', 'food', 'العسل الأسود والسكر الخام', [260, 30, 1500], 'informal', false, ['قرب زراعات قصب السكر', 'معاصر تقليدية منتشرة', 'منتج شعبي واسع الاستهلاك'], [3, 6]),
      c('UEG-NUB', 'المشغولات النوبية بأسوان', 'Aswan Nubian handicrafts', 'embroidery', 'المشغولات الخرزية والسلال والأطباق النوبية', [390, 5, 1100], 'informal', true, ['ثقافة نوبية متفردة', 'حركة سياحية نشطة', 'ألوان وتصميمات لا تتكرر'], [1, 2]),
    ],
  },
  {
    code: 'CNL',
    nameAr: 'إقليم القناة وسيناء',
    nameEn: 'Canal and Sinai Region',
    clusters: [
      c('CNL-EMB', 'التطريز البدوي بشمال سيناء', 'North Sinai Bedouin embroidery', 'embroidery', 'الأثواب والشالات والحقائب المطرزة', [540, 4, 1600], 'informal', true, ['نقوش بدوية أصيلة', 'مهارة نسائية متوارثة', 'طلب متزايد على المنتجات التراثية'], [1, 2]),
      c('CNL-FSH', 'الأسماك والتصنيع السمكي ببورسعيد', 'Port Said fish processing', 'fishing', 'الأسماك المملحة والمدخنة والفسيخ', [820, 60, 5200], 'mixed', false, ['وفرة المصايد في بحيرة المنزلة والبحر', 'خبرة في التمليح والتدخين', 'قرب الميناء'], [6]),
      c('CNL-MNG', 'تصنيع المانجو بالإسماعيلية', 'Ismailia mango processing', 'food', 'لب المانجو والعصائر والمربى', [300, 45, 2700], 'formal', false, ['أشهر مناطق زراعة المانجو', 'جودة الأصناف المحلية', 'قرب الموانئ للتصدير'], [6, 7]),
      c('CNL-GRM', 'الملابس الجاهزة ببورسعيد', 'Port Said garments', 'textiles', 'الملابس الجاهزة والملابس الرياضية', [450, 80, 4300], 'mixed', false, ['المنطقة الحرة والمنطقة الصناعية', 'سهولة استيراد الخامات', 'خبرة في التصدير'], [6]),
      c('CNL-FUR', 'أثاث الإسماعيلية', 'Ismailia furniture', 'furniture', 'الأثاث المنزلي والمطابخ', [260, 30, 1500], 'mixed', false, ['قرب منطقة قناة السويس الاقتصادية', 'سوق محلية متنامية', 'تكلفة أراض صناعية مناسبة'], [3, 6, 7]),
      c('CNL-OLV', 'زيتون وزيت شمال سيناء', 'North Sinai olives and oil', 'food', 'زيت الزيتون والزيتون المخلل', [410, 25, 2100], 'informal', false, ['مساحات زيتون واسعة في العريش', 'جودة الزيت البكر', 'مكانة المنتج لدى المستهلك'], [2, 6]),
    ],
  },
];
