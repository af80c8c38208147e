import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { KjurComponent } from './app/kjur.component';

// ?page=kjur: the founding story's KJUR page; otherwise Zoom's Angular sample with the recipe.
const page = new URLSearchParams(location.search).get('page') === 'kjur' ? KjurComponent : AppComponent;
bootstrapApplication(page).catch((error) => console.error(error));
