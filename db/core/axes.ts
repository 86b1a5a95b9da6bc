/**
 * The seven development axes of the source text (shared/seed), fixed reference data.
 * Arabic wording is the source text's own; the English is a close rendering of it.
 */
export interface Axis {
  id: number;
  shortAr: string;
  shortEn: string;
  nameAr: string;
  nameEn: string;
  descriptionAr: string;
  descriptionEn: string;
}

export const AXIS_IDS = [1, 2, 3, 4, 5, 6, 7] as const;
export type AxisId = (typeof AXIS_IDS)[number];

export const AXES: readonly Axis[] = [
  {
    id: 1,
    shortAr: 'التنمية الاقتصادية',
    shortEn: 'Economic development',
    nameAr: 'التنمية الاقتصادية',
    nameEn: 'Economic development',
    descriptionAr:
      'التركيز على الإنتاجية، وزيادتها بمواصفات قياسية وجودة تنافسية، مع التطوير والتحسين المستمر للإنتاج؛ لتحقيق وفرة المنتجات والخدمات، بهدف الاكتفاء الذاتي، والتصدير المحلي.',
    descriptionEn:
      'Focus on productivity, raised to standard specifications and competitive quality with continuous improvement of production, for plentiful products and services aimed at self-sufficiency and local export.',
  },
  {
    id: 2,
    shortAr: 'التحول الاقتصادي',
    shortEn: 'Economic transformation',
    nameAr: 'التحول الاقتصادي للأنشطة الواعدة',
    nameEn: 'Economic transformation of promising activities',
    descriptionAr:
      'زيادة القيمة، والقيمة المضافة، وتخفيض تكلفة الإنتاج، بهدف المنافسة الحقيقية مع المنتجات المستوردة؛ وبالتالي تقليل الواردات، وخلق فرص للتصدير.',
    descriptionEn:
      'Raise value and value added and lower production costs, to compete with imported products, reduce imports and open export opportunities.',
  },
  {
    id: 3,
    shortAr: 'التنوع والتكامل',
    shortEn: 'Diversification and integration',
    nameAr: 'التنوع والتكامل الاقتصادي المحلي والإقليمي والقومي للقطاعات الاقتصادية الواعدة',
    nameEn: 'Local, regional and national diversification and integration of promising sectors',
    descriptionAr:
      'التركيز على الميزات المطلقة والنسبية والتنافسية لكل منطقة أو إقليم، وخلق العلامات التجارية المحلية.',
    descriptionEn:
      "Build on each area's or region's absolute, comparative and competitive advantages, and create local brands.",
  },
  {
    id: 4,
    shortAr: 'قاعدة إنتاجية متنوعة',
    shortEn: 'Diverse production base',
    nameAr: 'إنشاء قاعدة إنتاجية متنوعة للمشروعات الصغيرة ومتناهية الصغر',
    nameEn: 'A diverse production base for small and micro enterprises',
    descriptionAr: 'الاستفادة من الميزات المطلقة، والنسبية، والتنافسية للمناطق والأقاليم المختلفة.',
    descriptionEn:
      'Make use of the absolute, comparative and competitive advantages of the different areas and regions.',
  },
  {
    id: 5,
    shortAr: 'التدريب',
    shortEn: 'Training',
    nameAr: 'تحديث وتطوير آليات وبرامج التدريب القومية المناسبة',
    nameEn: 'Modernised national training mechanisms and programmes',
    descriptionAr:
      'بناء وصقل المهارات والقدرات الفنية والتقنية ذات الكفاءة العالية؛ وذلك لزيادة الإنتاجية، ورفع كفاءات الأداء والتشغيل.',
    descriptionEn:
      'Build and refine highly competent technical skills and capabilities, to raise productivity and operating performance.',
  },
  {
    id: 6,
    shortAr: 'التقنيات المحلية',
    shortEn: 'Local technologies',
    nameAr: 'تنمية وتوثيق وتحديث وتطوير وتوطين التقنيات المحلية',
    nameEn: 'Developing, documenting and localising local technologies',
    descriptionAr:
      'المحافظة على المنتجات والصناعات التقليدية والتراثية والحرفية والبيئية، وتحويل الثروة المعرفية والتقنية إلى قيم وأصول اقتصادية.',
    descriptionEn:
      'Preserve traditional, heritage, craft and environmental products and industries, and turn knowledge and technical wealth into economic assets.',
  },
  {
    id: 7,
    shortAr: 'تنظيم القطاع العشوائي',
    shortEn: 'Formalising informal production',
    nameAr: 'الدعم الفني والتقني لتحويل القطاعات الإنتاجية العشوائية إلى منظمة',
    nameEn: 'Technical support to move informal production into the organised sector',
    descriptionAr:
      'حتى تمتلك أسس ومبادئ ومعايير العمل المنظم؛ للاندماج في القطاعات الإنتاجية المنظمة، والعمل بآليات وتقنيات معتمدة، وبخامات ذات مواصفات قياسية؛ لإنتاج وتقديم خدمات ومنتجات بمواصفات نوعية وجودة عالية، ومساعدتها على المشاركة بالأسواق المحلية والعربية والدولية.',
    descriptionEn:
      'Give informal producers the foundations, principles and standards of organised work: certified methods and technologies, standard materials, quality products and services, and access to local, Arab and international markets.',
  },
];
