/**
 * Generated search corpora for the search plan test and the search benchmark (not used by the
 * product): makers and published stories written straight into the tables, in SQL, with titles,
 * descriptions, sections and materials drawn from English, Portuguese, French, Spanish and German
 * craft vocabularies. The stories' own trigger builds their search documents as any write does.
 */
import pg from 'pg';

const WORDS: Record<string, string[]> = {
  en: `walnut oak maple cherry ash bowl bowls plate cup mug vase jug spoon board table chair stool shelf box
    lamp basket scarf blanket rug quilt necklace ring earrings bracelet glaze stoneware porcelain linen wool
    cotton silk leather brass copper silver hand carved turned woven knitted thrown forged blown dyed indigo
    blue green rustic small large round tall heavy light oiled waxed polished
    teapot saucer platter pitcher tumbler goblet candle holder coaster tray stand frame mirror clock pendant brooch
    satchel wallet belt purse cushion throw apron runner napkin towel tapestry sculpture figurine ornament
    bench cabinet dresser crate ladle spatula whisk knife chisel mallet beaker flask bottle decanter tile
    enamel pewter bronze iron steel willow rattan bamboo jute hemp felt suede beech birch elm teak pine`.split(/\s+/),
  pt: `cerâmica madeira tigela prato caneca jarra colher mesa cadeira cesto manta tapete colar anel brincos
    esmalte linho algodão couro cobre prata feito mão torneado tecido azul verde rústico pequeno grande
    redondo alto pesado leve nogueira carvalho cerejeira azulejo olaria bordado
    bule pires travessa copo taça castiçal bandeja moldura espelho relógio pingente broche bolsa carteira
    cinto almofada avental toalha guardanapo escultura banco armário caixa concha faca cinzel garrafa
    ladrilho bronze ferro aço vime bambu juta cânhamo feltro camurça faia bétula olmo pinho lã seda
    tecelagem vidro soprado esmaltado`.split(/\s+/),
  fr: `céramique bois bol assiette tasse vase cruche cuillère planche table chaise tabouret étagère boîte lampe
    panier écharpe couverture tapis collier bague émail grès porcelaine lin laine coton soie cuir laiton cuivre
    argent sculpté tourné tissé tricoté forgé bleu vert rustique petit grand rond noyer chêne érable
    théière soucoupe plateau pichet gobelet bougeoir cadre miroir horloge pendentif broche sacoche portefeuille
    ceinture coussin tablier serviette tapisserie sculpture figurine banc armoire caisse louche couteau
    ciseau bouteille carafe carreau bronze fer acier osier rotin bambou jute chanvre feutre daim hêtre
    bouleau orme pin verre soufflé`.split(/\s+/),
  es: `cerámica madera cuenco plato taza jarrón jarra cuchara tabla mesa silla taburete estante caja lámpara
    cesta bufanda manta alfombra collar anillo esmalte gres porcelana lino lana algodón seda cuero latón cobre
    plata tallado torneado tejido azul verde rústico pequeño grande redondo nogal roble arce
    tetera platillo bandeja jarro copa candelabro marco espejo reloj colgante broche bolso cartera cinturón
    cojín delantal toalla servilleta tapiz escultura banco armario cajón cucharón cuchillo cincel botella
    azulejo bronce hierro acero mimbre bambú yute cáñamo fieltro gamuza haya abedul olmo pino vidrio
    soplado`.split(/\s+/),
  de: `keramik holz schale teller tasse vase krug löffel brett tisch stuhl hocker regal kiste lampe korb schal
    decke teppich kette ring glasur steinzeug porzellan leinen wolle baumwolle seide leder messing kupfer silber
    geschnitzt gedrechselt gewebt gestrickt blau grün rustikal klein groß rund nussbaum eiche ahorn
    teekanne untertasse platte becher kelch kerzenhalter rahmen spiegel uhr anhänger brosche tasche
    geldbörse gürtel kissen schürze handtuch serviette wandteppich skulptur figur bank schrank messer
    meißel flasche karaffe fliese bronze eisen stahl weide rattan bambus jute hanf filz wildleder buche
    birke ulme kiefer glas geblasen`.split(/\s+/),
};

const CATEGORIES = ['ceramics', 'woodwork', 'textiles', 'jewelry', 'glass', 'metalwork', 'leather', 'paper', 'other'];
const COUNTRIES = ['PT', 'FR', 'ES', 'DE', 'GB', 'US', 'BR', 'MX', 'IT', 'NL'];

/** A literal of a text array, quoted for PostgreSQL. */
const arrayOf = (values: string[]): string => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

export interface CorpusSize {
  makers: number;
  stories: number;
  /** Share of stories (0–1) with a live auction ending within three days. */
  liveAuctions?: number;
  /** Seed of PostgreSQL's random(), so the same size gives the same corpus. */
  seed?: number;
}

/** Writes the corpus in batches; answers the number of published stories written. */
export async function generateSearchCorpus(databaseUrl: string, size: CorpusSize): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select setseed($1)', [size.seed ?? 0.42]);
    const langs = Object.keys(WORDS);
    const lexicon = langs.map((l) => arrayOf(WORDS[l]!));
    // Makers: an active account and a maker profile each, named and placed.
    await client.query(`
      insert into identity.users (id, email, username, roles)
      select md5('corpus-maker-' || i)::uuid, 'corpus-maker-' || i || '@corpus.example', 'corpus_maker_' || i,
             '{viewer,maker}'
        from generate_series(1, ${size.makers}) i
      on conflict do nothing`);
    const first = arrayOf(['Ana', 'João', 'Marie', 'Lucía', 'Jürgen', 'Tom', 'Inês', 'Chloé', 'Pablo', 'Greta']);
    const last = arrayOf(['Oliveira', 'Dubois', 'García', 'Müller', 'Smith', 'Costa', 'Lefèvre', 'López', 'Schmidt']);
    const cities = arrayOf(['Lisboa', 'Porto', 'Lyon', 'Sevilla', 'München', 'Bristol', 'Austin', 'Recife', 'Évora']);
    await client.query(`
      insert into identity.maker_profiles (user_id, display_name, city, country)
      select md5('corpus-maker-' || i)::uuid,
             (${first})[1 + i % 10] || ' ' || (${last})[1 + (i / 10) % 9] || ' Studio ' || i,
             (${cities})[1 + i % 9], (${arrayOf(COUNTRIES)})[1 + i % ${COUNTRIES.length}]
        from generate_series(1, ${size.makers}) i
      on conflict do nothing`);
    // A phrase of n words of one language (the story's), drawn at random.
    // German joins two nouns into one word: those compounds make the vocabulary as varied as real text.
    const lexiconOf = (lang: string) =>
      `(case ${lang} ${lexicon.map((arr, k) => `when ${k} then ${arr}`).join(' ')} end)`;
    const pick = (lang: string) =>
      `${lexiconOf(lang)}[1 + floor(random() * cardinality(${lexiconOf(lang)}))::int + 0 * w]`;
    const german = langs.indexOf('de');
    const phrase = (lang: string, n: string) => `(select string_agg(
        case when ${lang} = ${german} and random() < 0.3 then ${pick(lang)} || ${pick(lang)} else ${pick(lang)} end, ' ')
        from generate_series(1, ${n}) w where g.i > 0)`;
    const batch = 5_000;
    for (let start = 0; start < size.stories; start += batch) {
      const count = Math.min(batch, size.stories - start);
      await client.query(`
        insert into stories.stories (maker_id, title, description, category, materials, process_steps, status,
                                     published_at, min_offer_minor, currency, auto_reject_below_min, buy_now_minor,
                                     created_at, updated_at)
        select md5('corpus-maker-' || (1 + (g.i * 7919) % ${size.makers}))::uuid,
               initcap(${phrase('g.lang', '2 + floor(random() * 2)::int')}),
               ${phrase('g.lang', '6 + floor(random() * 5)::int')},
               (${arrayOf(CATEGORIES)})[1 + floor(random() * ${CATEGORIES.length})::int],
               array[${phrase('g.lang', '1')}, ${phrase('g.lang', '1')}],
               jsonb_build_array(jsonb_build_object('title', ${phrase('g.lang', '2')},
                                                    'body', ${phrase('g.lang', '6')}, 'mediaId', null)),
               'published',
               now() - (random() * 365 * 86400 || ' seconds')::interval,
               (1 + floor(random() * 500)::int) * 1000, 'USD', true,
               case when random() < 0.3 then (501 + floor(random() * 500)::int) * 1000 end,
               now(), now()
          from (select i, floor(random() * ${langs.length})::int as lang
                  from generate_series(${start + 1}, ${start + count}) i) g`);
    }
    if (size.liveAuctions) {
      await client.query(
        `update stories.search_documents
            set auction_live = true, auction_ends_at = now() + (random() * 3 * 86400 || ' seconds')::interval,
                high_bid_minor = min_offer_minor + 1000
          where random() < $1`,
        [size.liveAuctions],
      );
    }
    await vacuumFully(client, 'stories.search_documents');
    await client.query('vacuum analyze stories.search_words');
    await client.query('vacuum analyze stories.search_makers');
    await client.query('analyze stories.stories');
    return size.stories;
  } finally {
    await client.end();
  }
}

/**
 * Vacuums and analyses `table` until its visibility map covers it, as autovacuum keeps a table in
 * service: plans read it (an index-only scan costs what it saves only on all-visible pages), and a
 * vacuum cannot mark pages all-visible while a transaction older than their rows is open, such as
 * a job the server runs at that moment.
 */
async function vacuumFully(client: pg.Client, table: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await client.query(`vacuum analyze ${table}`);
    const res = await client.query<{ covered: number }>(
      `select relallvisible::float8 / greatest(relpages, 1) as covered from pg_class where oid = $1::regclass`,
      [table],
    );
    if (res.rows[0]!.covered >= 0.99 || attempt === 50) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Queries of the kinds people type: one word, two words, a misspelt word, filtered searches. */
export function corpusQueries(): string[] {
  return [
    'q=walnut',
    'q=bowl',
    'q=ceramica',
    'q=madera',
    'q=holz',
    'q=blue%20bowl',
    'q=linen%20scarf',
    'q=tigela%20azul',
    'q=walnutt',
    'q=porcelian',
    'q=keramk',
    'q=bowl&category=ceramics',
    'q=oak&mode=buy_now',
    'q=silver&minPriceMinor=50000&maxPriceMinor=200000',
    'q=lamp&country=PT',
    'q=vase&sort=newest',
    'q=chair&sort=price_asc',
    'category=textiles&sort=ending_soon',
    'q=wool&mode=auction&sort=ending_soon',
  ];
}
