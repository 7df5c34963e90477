-- AlterTable
ALTER TABLE "User" ADD COLUMN     "localeChosen" BOOLEAN NOT NULL DEFAULT false;

-- Hand-added: before this column only a service (v1 users API) could set a language other than en,
-- so those were chosen; everyone else now follows their browser until they choose.
UPDATE "User" SET "localeChosen" = true WHERE "locale" <> 'en';
