/** Opens the programmatic API on the database the environment names, and closes it after. */
import { createPartnerfit, type Partnerfit } from '../app/partnerfit.ts';
import { databaseOptionsFromEnv } from '../storage/database.ts';
import { modelsDirectory } from '../learning/model-files.ts';

export async function withPartnerfit<T>(job: (app: Partnerfit) => Promise<T>): Promise<T> {
  const app = await createPartnerfit({ ...databaseOptionsFromEnv(), modelsDirectory: modelsDirectory() });
  try {
    return await job(app);
  } finally {
    await app.close();
  }
}
