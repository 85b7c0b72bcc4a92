import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A text in Bahasa Indonesia and English.' })
export class BilingualText {
  @Field(() => String, { description: 'Bahasa Indonesia.' })
  id!: string;

  @Field(() => String, { description: 'English.' })
  en!: string;
}
