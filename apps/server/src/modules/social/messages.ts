/** What the social module tells followers: a followed maker published a new story. */
import { defineCatalogue } from '../../platform/i18n';

export const socialMessages = defineCatalogue(
  'social',
  {
    aMakerYouFollow: 'A maker you follow',
    'newStory.title': '{maker} published a new story',
    'newStory.body': '{title}',
  },
  {
    pt: {
      aMakerYouFollow: 'Um artesão que segue',
      'newStory.title': '{maker} publicou uma nova história',
      'newStory.body': '{title}',
    },
    es: {
      aMakerYouFollow: 'Un artesano al que sigues',
      'newStory.title': '{maker} ha publicado una nueva historia',
      'newStory.body': '{title}',
    },
    fr: {
      aMakerYouFollow: 'Un créateur que vous suivez',
      'newStory.title': '{maker} a publié une nouvelle story',
      'newStory.body': '{title}',
    },
    de: {
      aMakerYouFollow: 'Ein Maker, dem du folgst',
      'newStory.title': '{maker} hat eine neue Story veröffentlicht',
      'newStory.body': '{title}',
    },
  },
);
