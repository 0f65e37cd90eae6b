import { ArrayMaxSize, IsString, Length, Matches } from 'class-validator';

/** A list of at most `maxItems` texts of 1..`maxLength` characters, none blank. */
export function TextItems(maxItems: number, maxLength: number): PropertyDecorator {
  return (target, property) => {
    ArrayMaxSize(maxItems)(target, property);
    IsString({ each: true })(target, property);
    Length(1, maxLength, { each: true })(target, property);
    Matches(/\S/, { each: true, message: `${String(property)} must not hold blank items` })(target, property);
  };
}
